// UTF-8 byte length of a string without encoding it: request bodies are measured for the
// signature's Content-Length and for the 1 MB limit of add-collection chunks.

// Any character outside ASCII; without one, the byte length is the string length.
const nonAscii = /[\u0080-\uffff]/;

export function utf8ByteLength(text: string): number {
  if (!nonAscii.test(text)) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
