/** Why a HAR could not be imported at all. Per-entry problems are warnings, not errors. */
export type HarImportErrorCode = 'not-json' | 'not-har' | 'no-usable-entries' | 'too-large';

/**
 * The one error the importer throws. `message` is meant for the user as is
 * ("This file is not JSON: Unexpected token …"); `code` is for programs.
 */
export class HarImportError extends Error {
  readonly code: HarImportErrorCode;

  constructor(code: HarImportErrorCode, message: string) {
    super(message);
    this.name = 'HarImportError';
    this.code = code;
  }
}

export function isHarImportError(value: unknown): value is HarImportError {
  return value instanceof HarImportError;
}
