import { createHmac } from 'node:crypto';
import { createTransport, type Transporter } from 'nodemailer';
import type { AppConfig } from '../config/app-config';
import type { DeliveryChannel } from './notification-delivery.entity';

/** A delivery that did not go out, with the reason as the office reads it on the jobs page. */
export class DeliveryError extends Error {}

const ROBOT_LABEL = { wecom: '企业微信机器人', dingtalk: '钉钉机器人' } as const;
const TIMEOUT_MS = 10_000;

/**
 * Sends reminders outside the app: e-mail over SMTP (nodemailer) and the group robots of
 * 企业微信 and 钉钉, whose webhooks both take `{ msgtype: 'text', text: { content } }` and answer
 * `{ errcode: 0 }` when they accept it. Each channel exists only when its setting is set.
 */
export class ReminderTransports {
  private mailer: Transporter | null = null;

  constructor(
    private readonly settings: AppConfig['reminders'],
    /** Epoch milliseconds from the app's Clock: 钉钉 signs each request with the time it is sent. */
    private readonly nowMs: () => number,
  ) {}

  /** The group robots configured. */
  robots(): ('wecom' | 'dingtalk')[] {
    return [...(this.settings.wecomWebhookUrl ? ['wecom' as const] : []), ...(this.settings.dingtalkWebhookUrl ? ['dingtalk' as const] : [])];
  }

  get emailEnabled(): boolean {
    return this.settings.smtpUrl !== null;
  }

  /** Whether the channel is still configured (a delivery stored before the setting was removed is skipped). */
  enabled(channel: DeliveryChannel): boolean {
    return channel === 'email' ? this.emailEnabled : this.robots().includes(channel);
  }

  async send(channel: DeliveryChannel, recipient: string, subject: string, body: string): Promise<void> {
    if (channel === 'email') return this.email(recipient, subject, body);
    return this.robot(channel, `${subject}\n${body}`);
  }

  private async email(to: string, subject: string, text: string): Promise<void> {
    this.mailer ??= createTransport({ url: this.settings.smtpUrl!, connectionTimeout: TIMEOUT_MS, greetingTimeout: TIMEOUT_MS, socketTimeout: 2 * TIMEOUT_MS });
    try {
      await this.mailer.sendMail({ from: this.settings.mailFrom, to, subject, text });
    } catch (error) {
      throw new DeliveryError(`邮件发送给 ${to} 失败：${(error as Error).message}`);
    }
  }

  private async robot(channel: 'wecom' | 'dingtalk', content: string): Promise<void> {
    const label = ROBOT_LABEL[channel];
    const url = channel === 'wecom' ? this.settings.wecomWebhookUrl! : signed(this.settings.dingtalkWebhookUrl!, this.settings.dingtalkSecret, this.nowMs());
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ msgtype: 'text', text: { content } }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new DeliveryError(`无法连接${label}：${(error as Error).message}`);
    }
    if (!res.ok) throw new DeliveryError(`${label}返回 HTTP ${res.status}`);
    const answer = (await res.json().catch(() => null)) as { errcode?: number; errmsg?: string } | null;
    if (answer?.errcode) throw new DeliveryError(`${label}拒绝了消息：${answer.errmsg ?? ''}（错误码 ${answer.errcode}）`);
  }
}

/** 钉钉 加签: timestamp and HMAC-SHA256(secret, `${timestamp}\n${secret}`) in base64 on the URL. */
export function signed(url: string, secret: string | null, now: number): string {
  if (!secret) return url;
  const sign = createHmac('sha256', secret).update(`${now}\n${secret}`).digest('base64');
  return `${url}${url.includes('?') ? '&' : '?'}timestamp=${now}&sign=${encodeURIComponent(sign)}`;
}
