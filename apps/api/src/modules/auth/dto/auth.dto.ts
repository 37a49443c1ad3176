import { ApiProperty } from '@nestjs/swagger';
import { LIMITS, LoginResponseDto } from '@passerelle/domain';
import { IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';
import { UserBody } from '../../users/dto/user-responses.dto';

export class LoginDto {
  @ApiProperty({ example: 'editor.lyon@passerelle.test', maxLength: LIMITS.emailMaxLength })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.emailMaxLength)
  email!: string;

  @ApiProperty({ example: 'passerelle', maxLength: LIMITS.passwordMaxLength })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.passwordMaxLength)
  password!: string;
}

export class ChangePasswordDto {
  @ApiProperty({ maxLength: LIMITS.passwordMaxLength })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.passwordMaxLength)
  currentPassword!: string;

  @ApiProperty({ minLength: LIMITS.passwordMinLength, maxLength: LIMITS.passwordMaxLength })
  @IsString()
  @MinLength(LIMITS.passwordMinLength)
  @MaxLength(LIMITS.passwordMaxLength)
  newPassword!: string;
}

export class LoginResponseBody implements LoginResponseDto {
  @ApiProperty({ description: 'Bearer token for the Authorization header' }) accessToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires', example: 900 }) expiresIn!: number;
  @ApiProperty({ type: UserBody }) user!: UserBody;
}
