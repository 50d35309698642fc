/** Published notices (通报) and in-app notifications, as the API answers them. */

export interface NoticeResponse {
  id: number;
  quarter: string;
  revision: number;
  kind: 'notice' | 'correction';
  publishedAt: string;
  contentHash: string;
  formats: string[];
  read: boolean;
}

export interface NotificationResponse {
  id: number;
  kind: string;
  title: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}
