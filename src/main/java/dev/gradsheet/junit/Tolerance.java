package dev.gradsheet.junit;

/** Stand-in for the claims' tolerance rule until issue 10's Expectation lands; see SheetAssertions. */
final class Tolerance {
    static final double DEFAULT = 1e-3;

    private Tolerance() {
    }

    static boolean holds(double computed, double claimed, double tolerance) {
        return Double.isFinite(computed) && Math.abs(computed - claimed) <= tolerance * Math.max(1, Math.abs(claimed));
    }
}
