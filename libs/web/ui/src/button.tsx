import type { ButtonProps as AriaButtonProps } from 'react-aria-components';
import { Button as AriaButton, composeRenderProps } from 'react-aria-components';
import type { ButtonSize, ButtonVariant } from './button-styles';
import { buttonStyles } from './button-styles';

export interface ButtonProps extends AriaButtonProps {
  variant?: ButtonVariant;
  size?: ButtonSize;
}

/** A button with React Aria's press handling (keyboard, touch, pending state). */
export function Button({ variant, size, className, ...props }: ButtonProps) {
  return (
    <AriaButton {...props} className={composeRenderProps(className, (extra) => buttonStyles(variant, size, extra))} />
  );
}
