import { Body, Controller, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { LoginResponseDto } from '@passerelle/domain';
import type { Response } from 'express';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/decorators';
import { AppConfig } from '../../core/config/config';
import { RequestMeta, type ClientMeta } from '../audit/request-meta.decorator';
import { AuthService } from './auth.service';
import { ChangePasswordDto, LoginResponseBody } from './dto/auth.dto';
import { setRefreshCookie } from './refresh-cookie';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class PasswordController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Changes one's password. Every other session and every earlier access token ends; the answer
   * carries a new access token and sets a new refresh cookie for this device.
   */
  @Post('password')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @ApiOkResponse({ type: LoginResponseBody })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address' })
  async change(
    @CurrentUser() user: AuthUser,
    @Body() dto: ChangePasswordDto,
    @RequestMeta() meta: ClientMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponseDto> {
    const session = await this.auth.changePassword(user, dto, meta);
    setRefreshCookie(res, session.refreshToken, this.config);
    return session.body;
  }
}
