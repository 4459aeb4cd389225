/** A detector is a small pure module: a name, a version, and a scan of normalized text. */
export interface Detector {
  readonly name: string;
  readonly version: string;
  /** A score in [0, 1] when the text triggers the detector, null when it does not. */
  scan(text: string): number | null;
}
