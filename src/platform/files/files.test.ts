import { describe, expect, it } from 'vitest';
import { detectFileType, safeFilename } from './files.ts';

describe('upload type detection', () => {
  it('recognises files by their content, not their name', () => {
    expect(detectFileType(Buffer.from('%PDF-1.7\n...'))?.contentType).toBe('application/pdf');
    expect(detectFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))?.kind).toBe('image');
    expect(detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]))?.contentType).toBe('image/jpeg');
    expect(detectFileType(Buffer.from('name,count\nNorth,12\n'))?.kind).toBe('text');
  });
  it('refuses executables, HTML pretending to be a PDF, and binary junk', () => {
    expect(detectFileType(Buffer.from('MZ\x90\x00\x03\x00\x00\x00'))).toBeUndefined();
    expect(detectFileType(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]))).toBeUndefined();
    expect(detectFileType(Buffer.from([0, 1, 2, 3, 4, 5]))).toBeUndefined();
  });
  it('cleans file names', () => {
    expect(safeFilename('../../etc/pass\u202Ewd.exe', 'pdf')).toBe('pass' + 'wd.pdf');
    expect(safeFilename('تقرير 2023.PDF', 'pdf')).toBe('تقرير 2023.pdf');
    expect(safeFilename('', 'png')).toBe('file.png');
  });
});
