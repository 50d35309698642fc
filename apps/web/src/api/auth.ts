import type { SessionInfo, SessionUser } from '@app/contracts';
import { http } from './http';

interface SessionAnswer {
  user: SessionUser;
}

export const authApi = {
  login: (username: string, password: string) => http.post<SessionAnswer>('/auth/login', { username, password }),
  me: () => http.get<SessionUser>('/auth/me'),
  changePassword: (currentPassword: string, newPassword: string) => http.post<SessionAnswer>('/auth/password', { currentPassword, newPassword }),
  logout: () => http.post<void>('/auth/logout'),
  sessions: () => http.get<SessionInfo[]>('/auth/sessions'),
  endSession: (id: number) => http.del(`/auth/sessions/${id}`),
  endOtherSessions: () => http.del<{ ended: number }>('/auth/sessions'),
};
