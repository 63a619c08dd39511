package io.podkit.translator.offer;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Full matches of a pod's regular expressions ({@code LIKE}/{@code UNLIKE} placement constraints,
 * persistent volume path constraints) against text from an offer, with bounded work. Java's regex
 * engine backtracks: a pattern such as {@code (.*a){12}b} takes minutes on a 40-character hostname,
 * and a long text can overflow the stack. So all the patterns of one match share a {@link Budget} of
 * character reads; a match that would need more, or that overflows the stack, is
 * {@link Outcome#UNDECIDED undecided}, and the constraint that asked is then not met.
 */
final class RegexMatch {
  /**
   * Character reads allowed to all the patterns of one match (some tens of milliseconds of backtracking).
   * Real constraints ({@code rack-[1-3]}, {@code /mnt/ssd.*}) read each character a few times.
   */
  static final long STEPS_PER_MATCH = 5_000_000;

  /** The result of one pattern against one text. */
  enum Outcome { MATCH, NO_MATCH, UNDECIDED }

  /** What is left of one match's character reads; not shared between threads. */
  static final class Budget {
    private long left;

    Budget(long steps) {
      this.left = steps;
    }

    /** A budget of {@link #STEPS_PER_MATCH}. */
    static Budget perMatch() {
      return new Budget(STEPS_PER_MATCH);
    }
  }

  private RegexMatch() {}

  /**
   * Whether {@code regex} matches the whole of {@code text}. An invalid pattern (which validation
   * rejects) matches nothing.
   */
  static Outcome fullMatch(String regex, String text, Budget budget) {
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      return Outcome.NO_MATCH;
    }
    if (budget.left <= 0) {
      return Outcome.UNDECIDED;
    }
    Metered metered = new Metered(text, budget);
    try {
      return pattern.matcher(metered).matches() ? Outcome.MATCH : Outcome.NO_MATCH;
    } catch (OutOfSteps e) {
      return Outcome.UNDECIDED;
    } catch (StackOverflowError e) {
      // The matcher recurses per repetition of a group; a long enough text overflows any stack.
      return Outcome.UNDECIDED;
    }
  }

  /** The text as the matcher reads it, one step of the budget per character read. */
  private static final class Metered implements CharSequence {
    private final String text;
    private final Budget budget;

    Metered(String text, Budget budget) {
      this.text = text;
      this.budget = budget;
    }

    @Override
    public char charAt(int index) {
      if (--budget.left < 0) {
        throw OutOfSteps.INSTANCE;
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Metered(text.substring(start, end), budget);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** Thrown from inside the matcher when the budget runs out; no stack trace, never escapes. */
  private static final class OutOfSteps extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final OutOfSteps INSTANCE = new OutOfSteps();

    private OutOfSteps() {
      super("regex budget exhausted", null, false, false);
    }
  }
}
