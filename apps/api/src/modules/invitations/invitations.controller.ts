import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { LoginResponseDto } from '@passerelle/domain';
import type { Response } from 'express';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser, Public } from '../../core/auth/decorators';
import { AppConfig } from '../../core/config/config';
import { RequestMeta, type ClientMeta } from '../audit/request-meta.decorator';
import { LoginResponseBody } from '../auth/dto/auth.dto';
import { setRefreshCookie } from '../auth/refresh-cookie';
import {
  AcceptInvitationDto,
  CreatedInvitationBody,
  CreateInvitationDto,
  InvitationPreviewBody,
  PendingInvitationBody,
} from './dto/invitation.dto';
import { InvitationsService } from './invitations.service';

const PER_MINUTE = 60_000;

@ApiTags('invitations')
@Controller('invitations')
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly config: AppConfig,
  ) {}

  /** Invites a person by email, optionally to a city with a role (coordinators and admins). */
  @Post()
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 30, ttl: PER_MINUTE } })
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: CreatedInvitationBody })
  @ApiBadRequestResponse({ description: 'Invalid input; the message names the field' })
  @ApiForbiddenResponse({ description: 'Not a coordinator or admin, or a coordinator inviting a coordinator/admin' })
  @ApiNotFoundResponse({ description: 'No such city' })
  @ApiTooManyRequestsResponse()
  create(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateInvitationDto,
    @RequestMeta() meta: ClientMeta,
  ): Promise<CreatedInvitationBody> {
    return this.invitations.create(user, dto, meta);
  }

  /** Invitations neither accepted, revoked nor expired. */
  @Get()
  @ApiBearerAuth()
  @ApiOkResponse({ type: [PendingInvitationBody] })
  list(@CurrentUser() user: AuthUser): Promise<PendingInvitationBody[]> {
    return this.invitations.listPending(user);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'Revoked: the link no longer works' })
  @ApiNotFoundResponse({ description: 'No pending invitation with this id' })
  async revoke(@CurrentUser() user: AuthUser, @Param('id') id: string, @RequestMeta() meta: ClientMeta): Promise<void> {
    await this.invitations.revoke(user, id, meta);
  }

  /** What the link offers, for the page where the invitee accepts it. */
  @Public()
  @Get('token/:token')
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 60, ttl: PER_MINUTE } })
  @ApiOkResponse({ type: InvitationPreviewBody })
  @ApiNotFoundResponse({ description: 'Unknown, used, revoked or expired link' })
  preview(@Param('token') token: string): Promise<InvitationPreviewBody> {
    return this.invitations.preview(token);
  }

  /**
   * Accepts the invitation (once): creates the account with `name` and `password`, or, when an
   * account with that email exists, checks its password and adds the membership. Signs in like
   * `POST /api/auth/login`, refresh cookie included. Limited like sign-in.
   */
  @Public()
  @Post('token/:token/accept')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @ApiOkResponse({ type: LoginResponseBody })
  @ApiNotFoundResponse({ description: 'Unknown, used, revoked or expired link' })
  @ApiTooManyRequestsResponse()
  async accept(
    @Param('token') token: string,
    @Body() dto: AcceptInvitationDto,
    @RequestMeta() meta: ClientMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponseDto> {
    const session = await this.invitations.accept(token, dto, meta);
    setRefreshCookie(res, session.refreshToken, this.config);
    return session.body;
  }
}
