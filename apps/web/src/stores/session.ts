import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Role, SessionUser } from '@app/contracts';
import { authApi } from '@/api/auth';
import { ApiError } from '@/api/http';

/** Who is logged in. The session itself is the httpOnly cookie; this only mirrors /auth/me. */
export const useSessionStore = defineStore('session', () => {
  const user = ref<SessionUser | null>(null);
  const loaded = ref(false);

  async function load() {
    try {
      user.value = await authApi.me();
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      user.value = null;
    }
    loaded.value = true;
  }

  async function login(username: string, password: string) {
    user.value = (await authApi.login(username, password)).user;
    loaded.value = true;
  }

  async function changePassword(currentPassword: string, newPassword: string) {
    user.value = (await authApi.changePassword(currentPassword, newPassword)).user;
  }

  async function logout() {
    try {
      await authApi.logout();
    } finally {
      user.value = null;
    }
  }

  /** After a 401 from any call: forget the user so that the router sends them to the login page. */
  function expire() {
    user.value = null;
  }

  const role = computed<Role | null>(() => user.value?.role ?? null);
  const hasRole = (...roles: Role[]) => !!user.value && roles.includes(user.value.role);

  return { user, loaded, role, load, login, logout, changePassword, expire, hasRole };
});
