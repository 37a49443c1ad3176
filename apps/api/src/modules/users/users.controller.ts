import { Body, Controller, Get, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/decorators';
import { RequestMeta, type ClientMeta } from '../audit/request-meta.decorator';
import { AdminUserBody } from './dto/user-responses.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Every account with its memberships (admins and coordinators). */
  @Get()
  @ApiOkResponse({ type: [AdminUserBody] })
  @ApiForbiddenResponse({ description: 'Neither admin nor coordinator' })
  list(@CurrentUser() user: AuthUser): Promise<AdminUserBody[]> {
    return this.users.list(user);
  }

  /** Changes a person's global role or deactivates / reactivates the account (admins only). */
  @Patch(':id')
  @ApiOkResponse({ type: AdminUserBody })
  @ApiForbiddenResponse({ description: 'Not an admin' })
  @ApiNotFoundResponse({ description: 'No such user' })
  @ApiConflictResponse({ description: 'An admin cannot deactivate or demote themselves' })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateUserDto,
    @RequestMeta() meta: ClientMeta,
  ): Promise<AdminUserBody> {
    return this.users.updateAccess(user, id, dto, meta);
  }
}
