<#--
  Bootstrap of the standalone Envoy: the admin API and the xDS channel to the agent on unix sockets
  in the shared envoy-sockets folder, the original-destination clusters the agent's L7 proxying
  redirects to, and two local listeners (Prometheus metrics on 9964, health on 127.0.0.1:9878).
  Timeouts follow the agent's proxy-* settings in cilium-config.
-->
<#assign sockets = "/var/run/cilium/envoy/sockets">
<#assign httpOptionsType = "type.googleapis.com/envoy.extensions.upstreams.http.v3.HttpProtocolOptions">
<#macro originalDst name tls>
    {
      "circuitBreakers": {"thresholds": [{"maxRetries": 128}]},
      "cleanupInterval": "2.500s",
      "connectTimeout": "2s",
      "lbPolicy": "CLUSTER_PROVIDED",
      "name": "${name}",
<#if tls>
      "transportSocket": {"name": "cilium.tls_wrapper", "typedConfig": {"@type": "type.googleapis.com/cilium.UpstreamTlsWrapperContext"}},
</#if>
      "type": "ORIGINAL_DST",
      "typedExtensionProtocolOptions": {
        "envoy.extensions.upstreams.http.v3.HttpProtocolOptions": {
          "@type": "${httpOptionsType}",
          "commonHttpProtocolOptions": {"idleTimeout": "60s", "maxConnectionDuration": "0s", "maxRequestsPerConnection": 0},
<#if tls>
          "upstreamHttpProtocolOptions": {},
</#if>
          "useDownstreamProtocolConfig": {}
        }
      }
    }
</#macro>
<#macro pipeCluster name path>
      "connectTimeout": "2s",
      "loadAssignment": {"clusterName": "${name}", "endpoints": [{"lbEndpoints": [{"endpoint": {"address": {"pipe": {"path": "${path}"}}}}]}]},
      "name": "${name}",
      "type": "STATIC"
</#macro>
<#macro listener name address port routeKey route prefix rewrite>
    {
      "address": {"socketAddress": {"address": "${address}", "portValue": ${port}}},
      "filterChains": [{"filters": [{
        "name": "envoy.filters.network.http_connection_manager",
        "typedConfig": {
          "@type": "type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager",
          "httpFilters": [{"name": "envoy.filters.http.router", "typedConfig": {"@type": "type.googleapis.com/envoy.extensions.filters.http.router.v3.Router"}}],
          "internalAddressConfig": {"cidrRanges": [
            {"addressPrefix": "10.0.0.0", "prefixLen": 8},
            {"addressPrefix": "172.16.0.0", "prefixLen": 12},
            {"addressPrefix": "192.168.0.0", "prefixLen": 16},
            {"addressPrefix": "127.0.0.1", "prefixLen": 32}
          ]},
          "routeConfig": {"${routeKey}": [{
            "domains": ["*"],
            "name": "${route}",
            "routes": [{"match": {"prefix": "${prefix}"}, "name": "${route}", "route": {"cluster": "/envoy-admin", "prefixRewrite": "${rewrite}"}}]
          }]},
          "statPrefix": "${name}",
          "streamIdleTimeout": "300s"
        }
      }]}],
      "name": "${name}"
    }
</#macro>
{
  "admin": {"address": {"pipe": {"mode": 432, "path": "${sockets}/admin.sock"}}},
  "applicationLogConfig": {"logFormat": {"textFormat": "[%Y-%m-%d %T.%e][%t][%l][%n] [%g:%#] %v"}},
  "bootstrapExtensions": [{"name": "envoy.bootstrap.internal_listener", "typedConfig": {"@type": "type.googleapis.com/envoy.extensions.bootstrap.internal_listener.v3.InternalListener"}}],
  "dynamicResources": {
<#list ["cdsConfig", "ldsConfig"] as source>
    "${source}": {
      "apiConfigSource": {"apiType": "GRPC", "grpcServices": [{"envoyGrpc": {"clusterName": "xds-grpc-cilium"}}], "setNodeOnFirstMessageOnly": true, "transportApiVersion": "V3"},
      "initialFetchTimeout": "30s",
      "resourceApiVersion": "V3"
    }<#sep>,</#sep>
</#list>
  },
  "node": {"cluster": "ingress-cluster", "id": "host~127.0.0.1~no-id~localdomain"},
  "overloadManager": {"resourceMonitors": [{
    "name": "envoy.resource_monitors.global_downstream_max_connections",
    "typedConfig": {"@type": "type.googleapis.com/envoy.extensions.resource_monitors.downstream_connections.v3.DownstreamConnectionsConfig", "max_active_downstream_connections": "50000"}
  }]},
  "staticResources": {
    "clusters": [
<@originalDst name="ingress-cluster" tls=false/>,
<@originalDst name="egress-cluster-tls" tls=true/>,
<@originalDst name="egress-cluster" tls=false/>,
<@originalDst name="ingress-cluster-tls" tls=true/>,
    {
<@pipeCluster name="xds-grpc-cilium" path="${sockets}/xds.sock"/>,
      "typedExtensionProtocolOptions": {"envoy.extensions.upstreams.http.v3.HttpProtocolOptions": {"@type": "${httpOptionsType}", "explicitHttpConfig": {"http2ProtocolOptions": {}}}}
    },
    {
<@pipeCluster name="/envoy-admin" path="${sockets}/admin.sock"/>
    }
    ],
    "listeners": [
<#-- Envoy accepts either spelling of virtual hosts; each listener keeps the one Cilium's chart uses -->
<@listener name="envoy-prometheus-metrics-listener" address="0.0.0.0" port="9964" routeKey="virtualHosts" route="prometheus_metrics_route" prefix="/metrics" rewrite="/stats/prometheus"/>,
<@listener name="envoy-health-listener" address="127.0.0.1" port="9878" routeKey="virtual_hosts" route="health" prefix="/healthz" rewrite="/ready"/>
    ]
  }
}
