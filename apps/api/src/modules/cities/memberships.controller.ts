import { Body, Controller, Delete, Get, HttpCode, Param, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/decorators';
import { MemberResponse, PutMemberDto } from './dto/membership.dto';
import { MembershipsService } from './memberships.service';

@ApiTags('cities')
@ApiBearerAuth()
@Controller('cities/:cityId/members')
export class MembershipsController {
  constructor(private readonly memberships: MembershipsService) {}

  /** The city's members, for anyone who works in the city and for coordinators. */
  @Get()
  @ApiOkResponse({ type: [MemberResponse] })
  list(@CurrentUser() user: AuthUser, @Param('cityId') cityId: string): Promise<MemberResponse[]> {
    return this.memberships.list(user, cityId);
  }

  /** Gives a person a role in the city (201 when new) or changes it (200). Coordinators and admins. */
  @Put(':userId')
  @ApiOkResponse({ type: MemberResponse })
  async put(
    @CurrentUser() user: AuthUser,
    @Param('cityId') cityId: string,
    @Param('userId') userId: string,
    @Body() dto: PutMemberDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MemberResponse> {
    const { member, created } = await this.memberships.put(user, cityId, userId, dto);
    res.status(created ? 201 : 200);
    return member;
  }

  @Delete(':userId')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(
    @CurrentUser() user: AuthUser,
    @Param('cityId') cityId: string,
    @Param('userId') userId: string,
  ): Promise<void> {
    return this.memberships.remove(user, cityId, userId);
  }
}
