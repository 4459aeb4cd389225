export { countChatTokens, countText, IMAGE_TOKENS, worstCaseTokens } from './count';
export { counterFor, type Encoding, encodingFor, Encodings } from './encodings';
