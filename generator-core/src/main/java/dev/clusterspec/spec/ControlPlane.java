package dev.clusterspec.spec;

/** How clients reach the Kubernetes API: a Layer-2 VIP shared by the control planes. */
public record ControlPlane(Ip vip, int port, String endpointHost) {

    /** The host part of the API endpoint URL: the configured name, else the VIP. */
    public String endpointHostOrVip() {
        return endpointHost != null ? endpointHost : vip.toString();
    }

    public String endpointUrl() {
        return "https://" + endpointHostOrVip() + ":" + port;
    }
}
