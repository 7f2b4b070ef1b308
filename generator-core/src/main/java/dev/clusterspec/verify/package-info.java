/**
 * Checks the generator runs on its own output before it is written or published,
 * such as "the manifest repo holds no Secret and no key material" ({@link dev.clusterspec.secretscan.SecretScanner}).
 */
package dev.clusterspec.verify;

import dev.clusterspec.secretscan.SecretScanner;
