import type { ChatMessage } from '@gatehouse/contracts';
import { ProviderError } from '../types';
import { mediaPart, toGeminiMessages } from './messages';

const call = (id: string, name: string, args: string) => ({ id, type: 'function' as const, function: { name, arguments: args } });

describe('toGeminiMessages', () => {
  it.each<[string, ChatMessage[], ReturnType<typeof toGeminiMessages>]>([
    ['user text', [{ role: 'user', content: 'hi' }], { contents: [{ role: 'user', parts: [{ text: 'hi' }] }] }],
    [
      'system and developer → systemInstruction, wherever they are',
      [{ role: 'system', content: 'a' }, { role: 'user', content: 'hi' }, { role: 'developer', content: [{ type: 'text', text: 'b' }] }],
      { contents: [{ role: 'user', parts: [{ text: 'hi' }] }], systemInstruction: { parts: [{ text: 'a\n\nb' }] } },
    ],
    [
      'assistant → model; adjacent same-role turns merge',
      [{ role: 'user', content: 'a' }, { role: 'user', content: 'b' }, { role: 'assistant', content: 'c' }],
      { contents: [{ role: 'user', parts: [{ text: 'a' }, { text: 'b' }] }, { role: 'model', parts: [{ text: 'c' }] }] },
    ],
    [
      'parallel tool calls and their results, names looked up by id',
      [
        { role: 'user', content: 'weather?' },
        { role: 'assistant', content: null, tool_calls: [call('c1', 'get_weather', '{"city":"Oslo"}'), call('c2', 'get_time', '')] },
        { role: 'tool', tool_call_id: 'c1', content: '{"temp":3}' },
        { role: 'tool', tool_call_id: 'c2', content: 'noon' },
      ],
      {
        contents: [
          { role: 'user', parts: [{ text: 'weather?' }] },
          { role: 'model', parts: [{ functionCall: { name: 'get_weather', args: { city: 'Oslo' } } }, { functionCall: { name: 'get_time', args: {} } }] },
          { role: 'user', parts: [{ functionResponse: { name: 'get_weather', response: { temp: 3 } } }, { functionResponse: { name: 'get_time', response: { content: 'noon' } } }] },
        ],
      },
    ],
    [
      'a thought signature carried by the client goes back on its call',
      [{ role: 'assistant', tool_calls: [{ ...call('c1', 'f', '{}'), provider_specific_fields: { thought_signature: 'sig==' } }] }],
      { contents: [{ role: 'model', parts: [{ functionCall: { name: 'f', args: {} }, thoughtSignature: 'sig==' }] }] },
    ],
    [
      'legacy function role uses its name',
      [{ role: 'function', name: 'f', content: '[1,2]' }],
      { contents: [{ role: 'user', parts: [{ functionResponse: { name: 'f', response: { content: '[1,2]' } } }] }] },
    ],
    [
      'images: data URL inline, http URL by reference',
      [{ role: 'user', content: [{ type: 'text', text: 'what?' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0K' } }, { type: 'image_url', image_url: { url: 'https://x.test/cat.webp?s=1' } }] }],
      { contents: [{ role: 'user', parts: [{ text: 'what?' }, { inlineData: { mimeType: 'image/png', data: 'iVBORw0K' } }, { fileData: { mimeType: 'image/webp', fileUri: 'https://x.test/cat.webp?s=1' } }] }] },
    ],
    [
      'audio input',
      [{ role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'UklGR', format: 'wav' } }] }],
      { contents: [{ role: 'user', parts: [{ inlineData: { mimeType: 'audio/wav', data: 'UklGR' } }] }] },
    ],
  ])('%s', (_name, messages, expected) => expect(toGeminiMessages(messages)).toEqual(expected));

  it.each<[string, ChatMessage[], RegExp]>([
    ['a tool result without a call', [{ role: 'tool', tool_call_id: 'nope', content: 'x' }], /nope answers no earlier tool call/],
    ['arguments that are not JSON', [{ role: 'assistant', tool_calls: [call('c', 'f', '{oops')] }], /arguments are not JSON/],
    ['an unknown content part', [{ role: 'user', content: [{ type: 'video_url' }] }], /"video_url" is not supported/],
  ])('%s is a bad_request', (_name, messages, message) => {
    expect(() => toGeminiMessages(messages)).toThrow(message);
    expect(() => toGeminiMessages(messages)).toThrow(ProviderError);
  });

  it.each([
    ['gs://bucket/doc.pdf', undefined, { fileData: { mimeType: 'application/pdf', fileUri: 'gs://bucket/doc.pdf' } }],
    ['https://x.test/noext', undefined, { fileData: { mimeType: 'image/jpeg', fileUri: 'https://x.test/noext' } }],
    ['https://x.test/a.bin', 'video/mp4', { fileData: { mimeType: 'video/mp4', fileUri: 'https://x.test/a.bin' } }],
    ['data:image/jpeg;name=a.jpg;base64,/9j/', undefined, { inlineData: { mimeType: 'image/jpeg', data: '/9j/' } }],
  ])('mediaPart(%s, %p)', (url, format, expected) => expect(mediaPart(url, format)).toEqual(expected));
});
