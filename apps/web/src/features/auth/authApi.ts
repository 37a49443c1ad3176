import type { Language, LoginResponseDto, MeDto } from '@passerelle/domain';
import { api } from '../../lib/api';
import { endpoint } from '../../lib/endpoints';

export interface UpdateMeBody {
  name?: string;
  language?: Language;
}

export const authApi = {
  login: (email: string, password: string) =>
    api.call<LoginResponseDto>(endpoint('auth.login'), { body: { email, password }, auth: false }),
  logout: () => api.call<void>(endpoint('auth.logout'), { auth: false }),
  me: (signal?: AbortSignal) => api.call<MeDto>(endpoint('me.get'), { signal }),
  updateMe: (body: UpdateMeBody) => api.call<MeDto>(endpoint('me.update'), { body }),
};

export const meQueryKey = ['me'] as const;
