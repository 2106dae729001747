import { StancewatchError } from './stancewatch-error';

/** Input that is not text: binary data, invalid UTF-8, an unknown content type. */
export class UnsupportedMediaTypeError extends StancewatchError {
  readonly code = 'UNSUPPORTED_MEDIA_TYPE';
}

export const isUnsupportedMediaTypeError = (error: unknown): error is UnsupportedMediaTypeError =>
  error instanceof UnsupportedMediaTypeError;
