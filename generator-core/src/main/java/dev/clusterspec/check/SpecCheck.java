package dev.clusterspec.check;

/** One family of semantic rules over a spec that already has the right shape. */
interface SpecCheck {

    void check(CheckContext context);
}
