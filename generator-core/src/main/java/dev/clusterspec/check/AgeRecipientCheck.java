package dev.clusterspec.check;

import dev.clusterspec.load.age.AgeRecipient;
import java.util.List;

/**
 * The spec's age recipients are public keys that can be encrypted for (the schema checks their
 * shape; their bech32 checksum is checked here, so a mistyped key fails now and not at cluster:encrypt),
 * each listed once.
 */
final class AgeRecipientCheck implements SpecCheck {

    @Override
    public void check(CheckContext context) {
        List<String> recipients = context.spec().secrets().ageRecipients();
        for (int i = 0; i < recipients.size(); i++) {
            String pointer = "/secrets/ageRecipients/" + i;
            String item = "item " + (i + 1) + " of 'ageRecipients'";
            AgeRecipient.problem(recipients.get(i)).ifPresent(problem -> context.error(pointer, item + " is " + problem));
            int first = recipients.indexOf(recipients.get(i));
            if (first < i) {
                context.error(pointer, item + " is listed already as item " + (first + 1) + "; list each recipient once");
            }
        }
    }
}
