import type { OutgoingMail } from '@lookbook/core';

/**
 * The words of identity's mails. Links are built on the configured public origin (`PUBLIC_URL`, else the server's
 * default), never on the Host a request came with, so a forged Host cannot send someone a link to another site.
 */
export interface MailContext {
  baseUrl: string;
  handle: string;
}

const link = (base: string, path: string, token: string) => `${base}${path}?token=${encodeURIComponent(token)}`;
const sign = '\n\n— Lookbook';

export const AccountMails = {
  verifyEmail: (c: MailContext, to: string, tokenId: string, token: string): OutgoingMail => ({
    idempotencyKey: `identity.verify-email:${tokenId}`,
    kind: 'identity.verify-email',
    to,
    subject: 'Verify your email address',
    text:
      `Hello @${c.handle},\n\nPlease confirm that this is your email address by opening this link ` +
      `(it works for 24 hours):\n\n${link(c.baseUrl, '/verify-email', token)}\n\n` +
      `If you did not create a Lookbook account, ignore this mail.${sign}`,
  }),
  resetPassword: (c: MailContext, to: string, tokenId: string, token: string): OutgoingMail => ({
    idempotencyKey: `identity.reset-password:${tokenId}`,
    kind: 'identity.reset-password',
    to,
    subject: 'Reset your password',
    text:
      `Hello @${c.handle},\n\nSomeone (hopefully you) asked to reset the password of your Lookbook account. ` +
      `Open this link within 30 minutes to choose a new one; it works once, and every signed-in device will be ` +
      `signed out:\n\n${link(c.baseUrl, '/reset-password', token)}\n\n` +
      `If it was not you, ignore this mail: your password stays as it is.${sign}`,
  }),
  passwordChanged: (c: MailContext, to: string, tokenId: string): OutgoingMail => ({
    idempotencyKey: `identity.password-changed:${tokenId}`,
    kind: 'identity.password-changed',
    to,
    subject: 'Your password was changed',
    text:
      `Hello @${c.handle},\n\nThe password of your Lookbook account was just reset, and every device was signed out. ` +
      `If that was not you, reset it again at ${c.baseUrl}/forgot-password and contact support.${sign}`,
  }),
  confirmNewEmail: (c: MailContext, to: string, tokenId: string, token: string): OutgoingMail => ({
    idempotencyKey: `identity.confirm-new-email:${tokenId}`,
    kind: 'identity.confirm-new-email',
    to,
    subject: 'Confirm your new email address',
    text:
      `Hello @${c.handle},\n\nOpen this link within an hour to make this your Lookbook email address:\n\n` +
      `${link(c.baseUrl, '/confirm-email', token)}\n\nIf you did not ask for this, ignore this mail.${sign}`,
  }),
  emailChangeRequested: (c: MailContext, to: string, tokenId: string, newEmail: string): OutgoingMail => ({
    idempotencyKey: `identity.email-change-requested:${tokenId}`,
    kind: 'identity.email-change-requested',
    to,
    subject: 'A change of your email address was requested',
    text:
      `Hello @${c.handle},\n\nSomeone signed in to your Lookbook account asked to change its email address to ` +
      `${newEmail}. Nothing changes until the link sent there is opened. If this was not you, change your password ` +
      `now at ${c.baseUrl}/settings.${sign}`,
  }),
  emailChanged: (c: MailContext, to: string, tokenId: string, newEmail: string): OutgoingMail => ({
    idempotencyKey: `identity.email-changed:${tokenId}`,
    kind: 'identity.email-changed',
    to,
    subject: 'Your email address was changed',
    text:
      `Hello @${c.handle},\n\nThe email address of your Lookbook account is now ${newEmail}. If this was not you, ` +
      `reply to this mail or contact support at once.${sign}`,
  }),
};
