export interface ReportOptions {
  title?: string;
  toolVersion?: string;
  /** Reads a source file's text, for SARIF snippets of LaTeX sources. Omit where files can't be read. */
  readSource?: (uri: string) => string | undefined;
  /** Shorten file URIs under this prefix in human-readable reports. */
  baseUri?: string;
}
