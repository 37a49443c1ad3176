import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { LoadingState } from '../../app/StatusViews';
import { useAuth } from './useAuth';

/** Guards the routes that need a session: sends signed-out visitors to /login and brings them back after. */
export function RequireAuth() {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'restoring') return <LoadingState />;
  if (status === 'signedOut') return <Navigate to="/login" replace state={{ from: location }} />;
  return <Outlet />;
}
