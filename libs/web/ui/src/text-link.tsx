import type { AnchorHTMLAttributes, ButtonHTMLAttributes, Ref } from 'react';
import { createLink } from '@tanstack/react-router';
import type { ButtonSize, ButtonVariant } from './button-styles';
import { buttonStyles } from './button-styles';
import { cn } from './cn';

/**
 * - `accent` (the default): a link in running text, in the accent colour, underlined until hovered.
 * - `plain`: underlined in the colour around it (a link inside a coloured notice).
 * - `quiet`: the colour around it, underlined on hover (a title in a list that is itself the link).
 */
export type TextLinkVariant = 'accent' | 'plain' | 'quiet';
const VARIANTS: Record<TextLinkVariant, string> = {
  accent: 'text-accent underline underline-offset-2 hover:no-underline',
  plain: 'underline underline-offset-2 hover:no-underline',
  quiet: 'hover:underline',
};

export interface TextLinkStyle {
  variant?: TextLinkVariant;
  /** Medium weight: the link is the name of the thing listed. */
  strong?: boolean;
}

export function textLinkStyles({ variant = 'accent', strong }: TextLinkStyle = {}, extra?: string): string {
  return cn(VARIANTS[variant], strong && 'font-medium', extra);
}

export interface TextAnchorProps extends AnchorHTMLAttributes<HTMLAnchorElement>, TextLinkStyle {
  ref?: Ref<HTMLAnchorElement>;
}

/**
 * A link that leaves the app or loads a document (a licence text, the JWKS, a payment page). Within the app use
 * `TextLink`, which navigates without reloading.
 */
export function TextAnchor({ variant, strong, className, ...props }: TextAnchorProps) {
  return <a {...props} className={textLinkStyles({ variant, strong }, className)} />;
}

/**
 * A link to a page of the app, styled as text: the router's link (typed `to` and `params`, client-side navigation,
 * preloading on intent) with the design's link styles.
 */
export const TextLink = createLink(TextAnchor);

export interface ButtonAnchorProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  ref?: Ref<HTMLAnchorElement>;
}

/** A link out of the app (or to a document) that looks like a button. */
export function ButtonAnchor({ variant, size, className, ...props }: ButtonAnchorProps) {
  return <a {...props} className={buttonStyles(variant, size, className)} />;
}

/** A link to a page of the app that looks like a button ("Browse models", "Receipt"): it stays a link. */
export const ButtonLink = createLink(ButtonAnchor);

export interface TextButtonProps extends ButtonHTMLAttributes<HTMLButtonElement>, TextLinkStyle {
  ref?: Ref<HTMLButtonElement>;
}

/**
 * An action inside a sentence that reads like a link ("Did you mean *harbour*?", "Try without *anime*", "Retry"): a
 * real button (it acts on the page, it goes nowhere), in the link's look. `type="button"` unless told otherwise, so
 * inside a form it never submits it.
 */
export function TextButton({ variant, strong, className, type = 'button', ...props }: TextButtonProps) {
  return (
    <button
      {...props}
      type={type}
      className={textLinkStyles(
        { variant, strong },
        cn('cursor-pointer rounded-sm focus-visible:outline-2', className),
      )}
    />
  );
}
