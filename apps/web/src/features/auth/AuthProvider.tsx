import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoginResponseDto, MeDto, UserDto } from '@passerelle/domain';
import { api } from '../../lib/api';
import { authApi, meQueryKey } from './authApi';

export type AuthStatus = 'restoring' | 'signedIn' | 'signedOut';

export interface AuthContextValue {
  status: AuthStatus;
  user: UserDto | null;
  /** Signs in with a password; resolves with the full profile once it is loaded. */
  signIn(email: string, password: string): Promise<MeDto>;
  /** Starts a session from a login-shaped answer (e.g. an accepted invitation). */
  completeSignIn(session: LoginResponseDto): Promise<MeDto>;
  signOut(): Promise<void>;
}

export const AuthContext = createContext<AuthContextValue | null>(null);

interface State {
  status: AuthStatus;
  user: UserDto | null;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { i18n } = useTranslation();
  const [state, setState] = useState<State>({ status: 'restoring', user: null });
  const userId = useRef<string | null>(null);

  useEffect(() => {
    const unsubscribe = api.onSession((session) => {
      const next = session?.user.id ?? null;
      // Cached data belongs to the person who fetched it: drop it when that person signs out or another
      // signs in, but not on a token refresh nor on the first restore (public pages may be loading).
      if (userId.current !== null && userId.current !== next) queryClient.clear();
      userId.current = next;
      setState(session ? { status: 'signedIn', user: session.user } : { status: 'signedOut', user: null });
    });
    // The refresh cookie is httpOnly: asking the server is the only way to know whether a session survives a reload.
    api.refresh().catch(() => setState({ status: 'signedOut', user: null }));
    return unsubscribe;
  }, [queryClient]);

  const completeSignIn = useCallback(
    async (session: LoginResponseDto) => {
      api.setSession(session);
      const me = await queryClient.fetchQuery({ queryKey: meQueryKey, queryFn: ({ signal }) => authApi.me(signal) });
      // A saved preference follows the person to a new browser; a reload keeps the browser's own choice.
      if (me.language && me.language !== i18n.resolvedLanguage) await i18n.changeLanguage(me.language);
      return me;
    },
    [queryClient, i18n],
  );

  const signIn = useCallback(
    async (email: string, password: string) => completeSignIn(await authApi.login(email, password)),
    [completeSignIn],
  );

  const signOut = useCallback(async () => {
    try {
      await authApi.logout();
    } catch {
      // The local session ends whatever the server says; the cookie expires on its own.
    }
    api.setSession(null);
  }, []);

  const value = useMemo<AuthContextValue>(
    () => ({ ...state, signIn, completeSignIn, signOut }),
    [state, signIn, completeSignIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
