import type { IgnoreEntry } from '../ignore-file.ts';

export interface ReportOptions {
  title?: string;
  toolVersion?: string;
  /** When the report was made (ISO); now when omitted. */
  date?: string;
  /** Reads a source file's text, for SARIF snippets and paper titles. Omit where files can't be read. */
  readSource?: (uri: string) => string | undefined;
  /** Shorten file URIs under this prefix in human-readable reports. */
  baseUri?: string;
  /** Finding kinds turned off in the settings. */
  checksOff?: string[];
  /** The ignore-list entries that apply to a paper (by its root URI): what was hidden, and why. */
  ignoreEntries?: (rootUri: string) => IgnoreEntry[];
}
