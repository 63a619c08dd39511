package io.podkit.model.json;

/**
 * Bounds that keep hostile input from exhausting memory or stack. The defaults are far above any
 * real pod (a 100-container pod is about 100 KiB, nested about 8 deep).
 *
 * @param maxDocumentBytes largest accepted document
 * @param maxDepth deepest nesting of objects and arrays
 * @param maxStringLength longest string value, in characters
 * @param maxNameLength longest object key, in characters
 * @param maxNumberLength longest number literal, in characters
 * @param maxProblems problems collected before reading stops
 */
public record ReadLimits(
    int maxDocumentBytes, int maxDepth, int maxStringLength, int maxNameLength, int maxNumberLength, int maxProblems) {

  public static final ReadLimits DEFAULT = new ReadLimits(4 * 1024 * 1024, 64, 1024 * 1024, 1024, 64, 500);

  /** The largest document size a reader accepts at all. */
  public static final int MAX_DOCUMENT_BYTES = 1 << 30;

  public ReadLimits {
    positive(maxDocumentBytes, "maxDocumentBytes");
    if (maxDocumentBytes > MAX_DOCUMENT_BYTES) {
      throw new IllegalArgumentException("maxDocumentBytes must be <= " + MAX_DOCUMENT_BYTES + ": "
          + maxDocumentBytes);
    }
    positive(maxDepth, "maxDepth");
    positive(maxStringLength, "maxStringLength");
    positive(maxNameLength, "maxNameLength");
    positive(maxNumberLength, "maxNumberLength");
    positive(maxProblems, "maxProblems");
  }

  private static void positive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0: " + value);
    }
  }

  public ReadLimits withMaxDocumentBytes(int value) {
    return new ReadLimits(value, maxDepth, maxStringLength, maxNameLength, maxNumberLength, maxProblems);
  }

  public ReadLimits withMaxDepth(int value) {
    return new ReadLimits(maxDocumentBytes, value, maxStringLength, maxNameLength, maxNumberLength, maxProblems);
  }

  public ReadLimits withMaxStringLength(int value) {
    return new ReadLimits(maxDocumentBytes, maxDepth, value, maxNameLength, maxNumberLength, maxProblems);
  }
}
