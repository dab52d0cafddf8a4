import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithQueries } from '../../../../test/render';
import { rememberedUploads } from '../../../lib/upload/resumable-uploads';
import type { ServerFile } from './file-uploads';
import { FileUploads } from './file-uploads';

const VERSION = '0190a5b0-0000-7000-8000-00000000000a';
const files: ServerFile[] = [
  {
    id: 'f1',
    fileName: 'ready.safetensors',
    declaredSize: 1024,
    sizeBytes: 1024,
    scanStatus: 'READY',
    sha256: 'c'.repeat(64),
  },
  { id: 'f2', fileName: 'checking.safetensors', declaredSize: 2048, scanStatus: 'PENDING' },
  {
    id: 'f3',
    fileName: 'old.ckpt',
    declaredSize: 4096,
    scanStatus: 'REJECTED',
    rejectionMessage: 'Pickle files can run code when loaded: convert the checkpoint to .safetensors.',
  },
];

describe('FileUploads (the upload list)', () => {
  afterEach(() => localStorage.clear());

  it('says where each file stands, in plain words, with the reason a file was rejected', () => {
    renderWithQueries(<FileUploads versionId={VERSION} files={files} editable onChanged={jest.fn()} />);
    const rows = screen.getAllByTestId('version-file');
    expect(rows.map((r) => r.getAttribute('data-status'))).toEqual(['READY', 'PENDING', 'REJECTED']);
    expect(rows[0]).toHaveTextContent('Ready');
    expect(rows[0]).toHaveTextContent(`SHA-256 ${'c'.repeat(64)}`);
    expect(rows[1]).toHaveTextContent('Checking');
    expect(rows[2]).toHaveTextContent('Rejected');
    expect(rows[2]).toHaveTextContent('convert the checkpoint to .safetensors');
  });

  it('lists uploads that did not finish and how to resume them', () => {
    rememberedUploads.add(VERSION, { uploadId: 'u9', fileId: 'f9', name: 'big.safetensors', size: 3 * 1024 ** 3 });
    renderWithQueries(<FileUploads versionId={VERSION} files={[]} editable onChanged={jest.fn()} />);
    expect(screen.getByText(/big\.safetensors \(3\.0 GB\)/)).toBeVisible();
    expect(screen.getByText(/Choose the same file again to resume/)).toBeVisible();
  });

  it.each(['notes.txt', 'model.gguf', 'model.onnx', 'model.ckpt', 'config.json'])(
    'refuses %s in words, offering exactly what the API takes, and starts no upload',
    async (name) => {
      const fetch = jest.fn();
      global.fetch = fetch;
      renderWithQueries(<FileUploads versionId={VERSION} files={[]} editable onChanged={jest.fn()} />);
      const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
      expect(input.accept).toBe('.safetensors');
      expect(screen.getByText('.safetensors files up to 20 GB.')).toBeVisible();
      await userEvent.setup({ applyAccept: false }).upload(input, new File(['hello'], name));
      await waitFor(() =>
        expect(screen.getByRole('alert')).toHaveTextContent(
          `${name}: Lookbook takes safetensors model files only. Convert the file to that format and choose it again.`,
        ),
      );
      expect(fetch).not.toHaveBeenCalled();
    },
  );

  it.each([
    [
      'refused by the API: its sentence, no Retry',
      { errors: [{ message: 'A file name is …', extensions: { code: 'INVALID_FILE_NAME', field: 'fileName' } }] },
      'Lookbook takes safetensors model files, with a name of 1–200 characters that does not start with a dot or contain folders or control characters.',
      false,
    ],
    [
      'a refusal with details: never "[object Object]"',
      { errors: [{ message: 'Too many files', extensions: { code: 'TOO_MANY_FILES', details: { max: 10 } } }] },
      'Too many files',
      false,
    ],
    [
      'the server failing: a Retry',
      { errors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] },
      'Something went wrong on our side. Try again in a moment.',
      true,
    ],
  ])('an upload %s', async (_case, answer, sentence, retry) => {
    global.fetch = jest.fn(async () => ({
      ok: true,
      status: 200,
      statusText: 'OK',
      json: async () => answer,
    })) as never;
    renderWithQueries(<FileUploads versionId={VERSION} files={[]} editable onChanged={jest.fn()} />);
    const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
    await userEvent.setup().upload(input, new File(['hello'], 'look.safetensors'));
    const error = await screen.findByTestId('upload-error');
    expect(error).toHaveTextContent(sentence);
    expect(error.textContent).not.toMatch(/object|[{}]/);
    expect(!!screen.queryByRole('button', { name: 'Retry' })).toBe(retry);
  });

  it('offers no drop zone on a published version', () => {
    renderWithQueries(<FileUploads versionId={VERSION} files={files} editable={false} onChanged={jest.fn()} />);
    expect(screen.queryByText('Drop model files here')).toBeNull();
  });
});
