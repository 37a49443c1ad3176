import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { MeDto } from '@passerelle/domain';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/decorators';
import { MeBody } from './dto/user-responses.dto';
import { UpdateMeDto } from './dto/update-me.dto';
import { UsersService } from './users.service';

@ApiTags('me')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Missing, invalid or expired access token' })
@Controller('me')
export class MeController {
  constructor(private readonly users: UsersService) {}

  /** The signed-in person, with their city memberships. */
  @Get()
  @ApiOkResponse({ type: MeBody })
  me(@CurrentUser() user: AuthUser): Promise<MeDto> {
    return this.users.getMe(user.id);
  }

  /** Changes one's own name or interface language. */
  @Patch()
  @ApiOkResponse({ type: MeBody })
  update(@CurrentUser() user: AuthUser, @Body() dto: UpdateMeDto): Promise<MeDto> {
    return this.users.updateMe(user.id, dto);
  }
}
