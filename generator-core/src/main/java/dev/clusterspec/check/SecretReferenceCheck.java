package dev.clusterspec.check;

import dev.clusterspec.spec.SecretRefs;
import dev.clusterspec.load.SecretResolver;

/**
 * Every secret reference can be read now, used by an output or not: the file exists inside the
 * spec's folder and is readable (decryptable, for age files), the environment variable is set. Each
 * problem is reported at the field that holds the reference. Values are read and dropped at once;
 * messages carry the reference only.
 */
final class SecretReferenceCheck implements SpecCheck {

    private final SecretResolver secrets;

    SecretReferenceCheck(SecretResolver secrets) {
        this.secrets = secrets;
    }

    @Override
    public void check(CheckContext context) {
        for (SecretRefs.Located located : SecretRefs.located(context.spec())) {
            try {
                secrets.resolve(located.ref());
            } catch (SecretResolver.MissingSecretException e) {
                context.error(located.pointer(), e.getMessage());
            }
        }
    }
}
