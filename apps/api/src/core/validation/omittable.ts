import { ValidateIf } from 'class-validator';

/**
 * Like `@IsOptional()`, but only a missing field is skipped: `null` is validated like any other
 * value (and refused by the field's other rules with a 400 naming it). For fields that are
 * changed when present and that cannot be emptied — their column is NOT NULL.
 */
export const IsOmittable = (): PropertyDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined);
