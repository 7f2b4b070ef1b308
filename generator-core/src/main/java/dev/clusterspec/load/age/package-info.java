/**
 * Secrets kept in Git encrypted with age (X25519 recipients): decrypting {@code *.age} files in
 * memory with the identities the user has set ({@code SOPS_AGE_KEY_FILE}, {@code SOPS_AGE_KEY}, or
 * an identity file given to the build), and encrypting for the spec's recipients. The format itself
 * is the jagged library's; this package adds where keys come from and messages a user can act on.
 * Nothing here writes a decrypted byte anywhere, and no message carries a private key or a value.
 * Passphrase-encrypted files (age -p, scrypt) are not supported.
 */
package dev.clusterspec.load.age;
