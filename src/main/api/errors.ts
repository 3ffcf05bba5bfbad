// Failures that a person should read. Handlers throw ApiError; dispatch turns it into a value.
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
  }
}
