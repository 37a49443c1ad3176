import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainException } from './domain.exception';

function flatten(errors: ValidationError[], parent = ''): Array<{ field: string; problems: string[] }> {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Strict DTO validation; a 400 whose message names every wrong field. Unknown fields are refused. */
export const appValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const items = flatten(errors);
      return new DomainException(
        'validation_failed',
        items.map((i) => i.problems.join(', ')).join('; '),
        items.map((i) => i.field),
      );
    },
  });
