import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import { LongValue } from './long-value';

const HASH = '3c332e638cf7ff41a5a650299c6c622707c18801e450ffd8d3c027c323df91db';

describe('LongValue', () => {
  it.each([
    [HASH, 'Copy hash'],
    ['https://lookbook.example/verify#eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ1cm46bG9va2Jvb2si', 'Copy link'],
    ['an_extremely_long_model_file_name_without_any_breaks_v20.safetensors', 'Copy name'],
  ])('shows %s whole, breakable anywhere, with a copy button', (value, label) => {
    render(<LongValue value={value} label={label} testId="value" />);
    const shown = screen.getByTestId('value');
    expect(shown).toHaveTextContent(value);
    expect(shown.className).toMatch(/break-all/);
    expect(screen.getByRole('button', { name: new RegExp(`^${label}:`) })).toBeInTheDocument();
  });

  it('truncates on request, keeping the whole value in its title and its copy button', () => {
    render(<LongValue value={HASH} truncate testId="value" />);
    expect(screen.getByTestId('value')).toHaveClass('truncate');
    expect(screen.getByTestId('value')).toHaveAttribute('title', HASH);
  });
});
