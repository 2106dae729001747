/** How the model is made to answer through the tool (models differ in what they accept, see docs/bedrock.md). */
export type ToolChoiceMode = 'tool' | 'any' | 'auto';
