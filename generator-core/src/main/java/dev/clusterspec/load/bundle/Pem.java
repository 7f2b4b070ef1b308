package dev.clusterspec.load.bundle;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * PEM text the way Go's {@code encoding/pem} writes it (64-character lines, {@code \n} line ends,
 * trailing newline), and the base64-of-PEM wrapping Talos uses for every {@code crt}/{@code key}.
 */
final class Pem {

    static final String CERTIFICATE = "CERTIFICATE";
    /** Not a standard PEM type: Talos wraps PKCS#8 DER of Ed25519 keys in it and expects it back. */
    static final String ED25519_PRIVATE_KEY = "ED25519 PRIVATE KEY";
    static final String EC_PRIVATE_KEY = "EC PRIVATE KEY";
    static final String RSA_PRIVATE_KEY = "RSA PRIVATE KEY";
    static final String PRIVATE_KEY = "PRIVATE KEY";

    private static final int LINE_LENGTH = 64;

    record Block(String type, byte[] der) {
    }

    private Pem() {
    }

    static String encode(String type, byte[] der) {
        String body = Base64.getEncoder().encodeToString(der);
        StringBuilder out = new StringBuilder(body.length() + body.length() / LINE_LENGTH + 64);
        out.append("-----BEGIN ").append(type).append("-----\n");
        for (int i = 0; i < body.length(); i += LINE_LENGTH) {
            out.append(body, i, Math.min(body.length(), i + LINE_LENGTH)).append('\n');
        }
        return out.append("-----END ").append(type).append("-----\n").toString();
    }

    /** The first PEM block of {@code pem}. Blocks with headers (encrypted keys) are refused. */
    static Block decode(String pem) throws KeyMaterialException {
        PemObject object;
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            object = reader.readPemObject();
        } catch (IOException | RuntimeException e) {
            throw new KeyMaterialException("is not valid PEM");
        }
        if (object == null) {
            throw new KeyMaterialException("contains no PEM block");
        }
        if (!object.getHeaders().isEmpty()) {
            throw new KeyMaterialException("is a PEM block with headers (an encrypted key?), which Talos cannot use");
        }
        return new Block(object.getType(), object.getContent());
    }

    /** Base64 of PEM text, as stored in Talos files, back to the PEM text. */
    static String fromBase64(String base64) throws KeyMaterialException {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.replace("\n", "").replace("\r", ""));
        } catch (IllegalArgumentException e) {
            throw new KeyMaterialException("is not valid base64");
        }
        for (byte b : bytes) {
            if (b < 0) {
                throw new KeyMaterialException("does not decode to PEM text");
            }
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
