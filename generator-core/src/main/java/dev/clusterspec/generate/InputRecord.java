package dev.clusterspec.generate;

import dev.clusterspec.Sha256;
import dev.clusterspec.load.Diagnostic;
import dev.clusterspec.load.LoadedSpec;
import dev.clusterspec.load.age.AgeFiles;
import dev.clusterspec.load.bundle.TalosCertificates;
import dev.clusterspec.load.manifests.UserManifests;
import dev.clusterspec.load.patches.TalosPatches;
import dev.clusterspec.spec.SecretRef;
import dev.clusterspec.spec.SecretRefs;
import dev.clusterspec.spec.SpecFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What a generate run read, recorded in the output index so that the next run can tell by hashing
 * bytes alone that nothing changed: no YAML parsed, no secret decrypted, no key material touched.
 *
 * <p>It lists every file the run read (the spec, patch files, secret files, both places the bundle
 * may be), every folder whose listing mattered (the manifests folder) and every environment variable
 * a secret came from, and keeps one hash over their raw bytes, the generator's code and the options.
 * Only that one hash is stored, never a hash per secret. Equal raw bytes mean equal inputs, so the
 * spec names the same files again and the validation gives the same warnings, which are kept too.
 * A re-encrypted secret has other bytes: then the run takes the slower way, which compares the
 * decrypted contents ({@link InputFingerprint}).
 *
 * @param sha256      the hash over the sources' raw bytes and the options
 * @param files       files read, relative to the spec's folder
 * @param folders     folders listed, relative to the spec's folder
 * @param environment names of the environment variables read
 * @param certificate when the talosconfig client certificate stays the same (it is reissued each window)
 * @param warnings    the validation warnings of the run
 */
public record InputRecord(String sha256, List<String> files, List<String> folders, List<String> environment,
                          TalosCertificates.Window certificate, List<Diagnostic> warnings) {

    /**
     * The sources a run of {@code request} read, hashed: the part of its record known before it
     * generates. Hashed then, an input edited while the run generates counts as changed next time;
     * the spec counts by the bytes that were validated.
     */
    record Sources(String sha256, List<String> files, List<String> folders, List<String> environment) {

        static Sources read(GenerateRequest request, LoadedSpec loaded, Function<String, String> env) {
            SpecFolder folder = SpecFolder.of(request.specFile());
            String spec = relative(folder, request.specFile());
            TreeSet<String> files = new TreeSet<>();
            TreeSet<String> folders = new TreeSet<>();
            TreeSet<String> environment = new TreeSet<>();
            files.add(spec);
            files.add(relative(folder, request.secretsBundle()));
            if (!AgeFiles.isEncrypted(request.secretsBundle())) {
                files.add(relative(folder, AgeFiles.encryptedName(request.secretsBundle())));
            }
            TalosPatches.files(loaded).forEach(f -> files.add(relative(folder, f)));
            UserManifests.inputFiles(loaded).values().forEach(f -> files.add(relative(folder, f)));
            loaded.spec().manifests().folderIfAny().ifPresent(folders::add);
            for (SecretRef ref : SecretRefs.in(loaded.spec())) {
                if (ref.source() == SecretRef.Source.ENV) {
                    environment.add(ref.name());
                } else {
                    files.add(ref.name());
                }
            }
            List<String> fileList = List.copyOf(files);
            List<String> folderList = List.copyOf(folders);
            List<String> environmentList = List.copyOf(environment);
            String sha256 = hash(request, fileList, folderList, environmentList, env, Map.of(spec, loaded.sha256()));
            return new Sources(sha256, fileList, folderList, environmentList);
        }

        /** The whole record, once the run knows the certificate window. */
        InputRecord record(TalosCertificates.Window certificate, List<Diagnostic> warnings) {
            return new InputRecord(sha256, files, folders, environment, certificate, warnings);
        }
    }

    /** True when every source still has the bytes it had and the client certificate would be the same. */
    boolean unchanged(GenerateRequest request, Function<String, String> env) {
        return certificate.contains(request.clock().instant()) && sha256.equals(hash(request, env));
    }

    private String hash(GenerateRequest request, Function<String, String> env) {
        return hash(request, files, folders, environment, env, Map.of());
    }

    /** {@code known}: hashes of files by name, for those whose bytes the run has in hand. */
    private static String hash(GenerateRequest request, List<String> files, List<String> folders, List<String> environment,
                               Function<String, String> env, Map<String, String> known) {
        Path root = SpecFolder.of(request.specFile()).root();
        StringBuilder all = new StringBuilder();
        all.append("generator=").append(InputFingerprint.generatorCode()).append('\n');
        all.append("options=").append(InputFingerprint.options(request)).append('\n');
        for (String file : files) {
            all.append("file ").append(file).append('=').append(known.containsKey(file) ? known.get(file) : contentHash(root.resolve(file))).append('\n');
        }
        for (String folder : folders) {
            all.append("folder ").append(folder).append('=').append(listing(root.resolve(folder))).append('\n');
        }
        for (String name : environment) {
            String value = env.apply(name);
            all.append("env ").append(name).append('=').append(value == null ? "unset" : Sha256.hex(value)).append('\n');
        }
        return Sha256.hex(all.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String contentHash(Path file) {
        try {
            return Files.isRegularFile(file) ? Sha256.hex(Files.readAllBytes(file)) : "absent";
        } catch (IOException e) {
            return "unreadable";
        }
    }

    private static String listing(Path folder) {
        if (!Files.isDirectory(folder)) {
            return "absent";
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return Sha256.hex(String.join("\n", entries.map(p -> p.getFileName() + (Files.isDirectory(p) ? "/" : "")).sorted().toList()));
        } catch (IOException e) {
            return "unreadable";
        }
    }

    private static String relative(SpecFolder folder, Path file) {
        return folder.root().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** As JSON values for the output index: maps, lists and strings. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sha256", sha256);
        json.put("files", files);
        json.put("folders", folders);
        json.put("environment", environment);
        json.put("certificateFrom", certificate.from().toString());
        json.put("certificateUntil", certificate.until().toString());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Diagnostic w : warnings) {
            Map<String, Object> warning = new LinkedHashMap<>();
            warning.put("severity", w.severity().name());
            warning.put("file", w.file());
            warning.put("line", w.line());
            warning.put("column", w.column());
            warning.put("pointer", w.pointer());
            warning.put("message", w.message());
            list.add(warning);
        }
        json.put("warnings", list);
        return json;
    }

    /** The record kept in an earlier run's index; empty when there is none or it is not readable. */
    static Optional<InputRecord> fromJson(Map<String, Object> json) {
        try {
            if (json.isEmpty()) {
                return Optional.empty();
            }
            List<Diagnostic> warnings = new ArrayList<>();
            for (Object item : (List<?>) json.get("warnings")) {
                Map<?, ?> w = (Map<?, ?>) item;
                warnings.add(new Diagnostic(Diagnostic.Severity.valueOf((String) w.get("severity")), (String) w.get("file"),
                        ((Number) w.get("line")).intValue(), ((Number) w.get("column")).intValue(), (String) w.get("pointer"),
                        (String) w.get("message")));
            }
            return Optional.of(new InputRecord((String) json.get("sha256"), strings(json.get("files")), strings(json.get("folders")),
                    strings(json.get("environment")), new TalosCertificates.Window(Instant.parse((String) json.get("certificateFrom")),
                    Instant.parse((String) json.get("certificateUntil"))), warnings));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static List<String> strings(Object array) {
        return ((List<?>) array).stream().map(String.class::cast).toList();
    }
}
