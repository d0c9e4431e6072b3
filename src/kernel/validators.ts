import { IsDateString, Matches } from 'class-validator';

/** A calendar day `YYYY-MM-DD` in a string field (class-validator). */
export const IsDay = (): PropertyDecorator => (target, key) => {
  Matches(/^\d{4}-\d{2}-\d{2}$/, { message: `${String(key)} must be a date YYYY-MM-DD` })(target, key);
  IsDateString({ strict: true })(target, key);
};
