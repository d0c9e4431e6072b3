import { Field, InputType } from 'type-graphql';
import { MaxLength, MinLength } from 'class-validator';

@InputType({ description: '原因或说明。A reason or note.' })
export class NoteInput {
  @Field({ description: '原因或说明。Reason or note.' })
  @MinLength(2)
  @MaxLength(2000)
  note!: string;
}
