import '@testing-library/jest-dom';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConfirmButton } from './confirm-dialog';

function setup(props: Partial<Parameters<typeof ConfirmButton>[0]> = {}) {
  const onConfirm = jest.fn(props.onConfirm ?? (() => Promise.resolve()));
  render(
    <ConfirmButton
      label="Request refund"
      title="Refund this order?"
      confirmLabel="Refund $12.00"
      {...props}
      onConfirm={onConfirm}
    >
      $12.00 goes back to how you paid.
    </ConfirmButton>,
  );
  return { onConfirm, user: userEvent.setup() };
}

describe('ConfirmDialog', () => {
  it('does nothing until confirmed, says the consequence, and cancels with no effect', async () => {
    const { onConfirm, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Request refund' }));
    const dialog = screen.getByRole('dialog', { name: 'Refund this order?' });
    expect(dialog).toHaveTextContent('$12.00 goes back to how you paid.');
    // Focus starts on Cancel: Enter never destroys by accident.
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Request refund' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('hands the trimmed reason to the action and closes when it succeeds', async () => {
    const { onConfirm, user } = setup({ reason: { label: 'Why are you asking for a refund?' } });
    await user.click(screen.getByRole('button', { name: 'Request refund' }));
    await user.type(screen.getByLabelText('Why are you asking for a refund? (optional)'), '  Bought the wrong tier  ');
    await user.click(screen.getByRole('button', { name: 'Refund $12.00' }));
    expect(onConfirm).toHaveBeenCalledWith('Bought the wrong tier');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('an optional reason may be empty; a required one may not; a long one is refused in words', async () => {
    const { onConfirm, user } = setup({ reason: { label: 'Reason', required: true, maxLength: 10 } });
    await user.click(screen.getByRole('button', { name: 'Request refund' }));
    const confirm = screen.getByRole('button', { name: 'Refund $12.00' });
    expect(confirm).toBeDisabled();
    await user.type(screen.getByRole('textbox'), 'far too long a reason');
    expect(screen.getByText('Keep the reason to 10 characters or fewer.')).toBeInTheDocument();
    expect(confirm).toBeDisabled();
    await user.clear(screen.getByRole('textbox'));
    await user.type(screen.getByRole('textbox'), 'wrong tier');
    expect(confirm).toBeEnabled();
    await user.click(confirm);
    expect(onConfirm).toHaveBeenCalledWith('wrong tier');
  });

  it('stays open with the error when the action fails, so it can be tried again or cancelled', async () => {
    const { onConfirm, user } = setup({
      onConfirm: () => Promise.reject(new Error('refused')),
      error: 'Refunds can be requested within 14 days of purchase.',
    });
    await user.click(screen.getByRole('button', { name: 'Request refund' }));
    await user.click(screen.getByRole('button', { name: 'Refund $12.00' }));
    await waitFor(() => expect(onConfirm).toHaveBeenCalledTimes(1));
    expect(screen.getByRole('dialog')).toHaveTextContent('Refunds can be requested within 14 days of purchase.');
  });
});
