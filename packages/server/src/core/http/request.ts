/**
 * What the core reads of a request: a Fetch `Request` is one, and a host can
 * pass a lighter view of its own (the Node listener does, over its
 * IncomingMessage) instead of building a Request per call.
 */
export interface CoreRequest {
  readonly method: string;
  /** The absolute URL, as the browser addressed it. */
  readonly url: string;
  readonly headers: { get(name: string): string | null };
  /** The body as a stream, or null for none; read only up to the route's limit. */
  readonly body: ReadableStream<Uint8Array> | null;
  /**
   * The whole body, for a host that reads small bodies in one go (whose
   * declared length is under the limit); when present, `body` is not read.
   */
  readonly bufferedBody?: () => Promise<Uint8Array>;
}
