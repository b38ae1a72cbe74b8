import { Limits, type Metadata } from '@latch/protocol';
import { fail } from '../errors';
import type { BodyReader } from '../http/body-reader';

export type MetadataField = 'publicMetadata' | 'privateMetadata' | 'unsafeMetadata';

const encoder = new TextEncoder();

/**
 * A metadata object from a request body, or undefined when absent: a plain
 * JSON object of at most `Limits.maxMetadataBytes` as UTF-8 JSON. The body
 * parser has already refused `__proto__` keys, so it is safe to store as is.
 */
export function readMetadata(body: BodyReader, field: MetadataField): Metadata | undefined {
  const value = body.optionalObject(field);
  if (value !== undefined) assertMetadataSize(value, field);
  return value;
}

/** Throws `metadata_too_large` (naming the field) past the cap. */
export function assertMetadataSize(value: Metadata, field: MetadataField): void {
  if (encoder.encode(JSON.stringify(value)).length > Limits.maxMetadataBytes) throw fail('metadata_too_large', { paramName: field });
}
