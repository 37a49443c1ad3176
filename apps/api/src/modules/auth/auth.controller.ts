import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { LoginResponseDto } from '@passerelle/domain';
import type { Request, Response } from 'express';
import { Public } from '../../core/auth/decorators';
import { AppConfig } from '../../core/config/config';
import { RequestMeta, type ClientMeta } from '../audit/request-meta.decorator';
import { AuthService } from './auth.service';
import { LoginDto, LoginResponseBody } from './dto/auth.dto';
import { clearRefreshCookie, readRefreshCookie, REFRESH_COOKIE, setRefreshCookie } from './refresh-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  /** Signs in; also sets the httpOnly refresh cookie. Limited to LOGIN_RATE_LIMIT attempts a minute per address. */
  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @ApiOkResponse({ type: LoginResponseBody })
  @ApiUnauthorizedResponse({ description: 'Invalid email or password (also for deactivated accounts)' })
  @ApiTooManyRequestsResponse({ description: 'Too many sign-in attempts from this address' })
  async login(
    @Body() dto: LoginDto,
    @RequestMeta() meta: ClientMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponseDto> {
    const session = await this.auth.login(dto, meta);
    setRefreshCookie(res, session.refreshToken, this.config);
    return session.body;
  }

  /** A new access token from the refresh cookie, which is rotated. */
  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiCookieAuth(REFRESH_COOKIE)
  @ApiOkResponse({ type: LoginResponseBody })
  @ApiUnauthorizedResponse({ description: 'No session, or it expired, was revoked, or the account is inactive' })
  async refresh(
    @Req() req: Request,
    @RequestMeta() meta: ClientMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponseDto> {
    try {
      const session = await this.auth.refresh(readRefreshCookie(req), meta);
      setRefreshCookie(res, session.refreshToken, this.config);
      return session.body;
    } catch (error) {
      clearRefreshCookie(res, this.config);
      throw error;
    }
  }

  /** Ends this device's session and clears the cookie. */
  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiCookieAuth(REFRESH_COOKIE)
  @ApiNoContentResponse()
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(readRefreshCookie(req));
    clearRefreshCookie(res, this.config);
  }
}
