package dev.clusterspec.check;

import dev.clusterspec.spec.ExtraManifestUrl;
import dev.clusterspec.spec.FetchTokenScope;
import dev.clusterspec.spec.ClusterSpec;
import dev.clusterspec.secretscan.SecretFinding;
import dev.clusterspec.secretscan.SecretScanner;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The spec's own manifest URLs ({@code manifests.extraManifests}) are safe for Talos to fetch: https,
 * no credential in the URL, content that cannot change under the URL, each file once, and none on a
 * host that would receive the manifest repo's fetch token. Messages name hosts, never a whole URL:
 * its query or user part could hold a credential.
 */
final class ExtraManifestCheck implements SpecCheck {

    private static final String PIN_HOW = "name a commit (the full 40-hex commit id in the path, e.g."
            + " https://raw.githubusercontent.com/<owner>/<repo>/<commit>/<file>) or add ?checksum=sha256:<64 hex digits of the file>,"
            + " which Talos checks before applying anything";

    private final SecretScanner scanner = new SecretScanner();

    @Override
    public void check(CheckContext context) {
        ClusterSpec spec = context.spec();
        Optional<FetchTokenScope> token = spec.manifestRepoIfAny().flatMap(FetchTokenScope::of);
        token.ifPresent(scope -> {
            if (!scope.origin().startsWith("https://")) {
                context.error("/manifestRepo/rawUrl", "manifestRepo.fetchToken is set, but rawUrl is not https: Talos would send the token"
                        + " in clear text with every download. Use the https address of the raw files");
            }
        });
        List<String> urls = spec.manifests().extraManifests();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < urls.size(); i++) {
            String pointer = "/manifests/extraManifests/" + i;
            ExtraManifestUrl url;
            try {
                url = ExtraManifestUrl.parse(urls.get(i));
            } catch (ExtraManifestUrl.InvalidUrlException e) {
                context.error(pointer, "extra manifest URL " + e.getMessage());
                continue;
            }
            if (!credentialFree(context, pointer, url) || !wellFormed(context, pointer, url)) {
                continue;
            }
            Integer first = seen.putIfAbsent(url.identity(), i);
            if (first != null) {
                context.error(pointer, "extra manifest URL: the same file as manifests.extraManifests[" + first + "] (line "
                        + context.line("/manifests/extraManifests/" + first) + "); list each file once");
                continue;
            }
            if (token.isPresent() && !token.get().admits(url.url())) {
                context.error(pointer, "extra manifest URL on " + url.origin() + ": Talos sends the manifest repo's fetch token (one"
                        + " header map for every extraManifests URL) with each download, so every URL must be on the repo's "
                        + token.get().origin() + ". Put the file into the manifests folder (manifests.folder: it is then checked,"
                        + " content-addressed and fetched from your repo) or serve it from " + token.get().origin());
            }
            pin(context, pointer, url);
        }
    }

    /** No user, password or token in the URL: the spec is committed, and the value would be repeated in every Talos config. */
    private boolean credentialFree(CheckContext context, String pointer, ExtraManifestUrl url) {
        if (url.hasUserInfo()) {
            context.error(pointer, "extra manifest URL holds a user name or password before its host; secrets are never written in"
                    + " the spec. Use a URL that needs no credentials");
            return false;
        }
        // the whole URL for token shapes, each query parameter on a line of its own for credential-like values under secret names
        String text = url.url() + "\n" + String.join("\n", url.queryParameters());
        List<SecretFinding> findings = scanner.scanFile("url", text.getBytes(StandardCharsets.UTF_8));
        if (!findings.isEmpty()) {
            context.error(pointer, "extra manifest URL holds what looks like a credential (" + findings.get(0).what()
                    + "); secrets are never written in the spec. Use a URL that needs no credentials");
            return false;
        }
        return true;
    }

    /** An https URL with a host, and a checksum (if any) that Talos can use. */
    private static boolean wellFormed(CheckContext context, String pointer, ExtraManifestUrl url) {
        if (!url.scheme().equals("https")) {
            context.error(pointer, "extra manifest URL must use https, not " + (url.scheme().isEmpty() ? "no scheme" : url.scheme())
                    + ": Talos applies what it downloads with cluster-admin rights, so a download that can be altered on the way"
                    + " can take over the cluster");
            return false;
        }
        if (url.host().isEmpty()) {
            context.error(pointer, "extra manifest URL has no host; write https://<host>/<path>");
            return false;
        }
        Optional<String> checksum = url.checksumProblem();
        checksum.ifPresent(problem -> context.error(pointer, "extra manifest URL " + problem));
        return checksum.isEmpty();
    }

    /** Talos applies a URL once, create-only: content that can change under the URL is a different cluster on every boot. */
    private static void pin(CheckContext context, String pointer, ExtraManifestUrl url) {
        switch (url.pin()) {
            case NONE -> context.error(pointer, "extra manifest URL " + url.shown() + " is not pinned: Talos applies a URL manifest"
                    + " once and only creates what is missing, so clusters would keep whatever the file held at their first boot."
                    + " To pin it, " + PIN_HOW);
            case TAG -> context.warning(pointer, "extra manifest URL " + url.shown() + " is pinned to a tag or release only, which can"
                    + " be moved or re-uploaded; add ?checksum=sha256:<64 hex digits of the file> so that Talos refuses other content");
            case CHECKSUM, COMMIT -> { }
        }
    }
}
