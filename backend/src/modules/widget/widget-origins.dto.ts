import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, Matches, MaxLength } from 'class-validator';

/** scheme://host[:port], nothing after it: what a browser sends in `Origin`. */
export const ORIGIN_PATTERN = /^https?:\/\/(?:[a-z0-9-]+\.)*[a-z0-9-]+(?::\d{1,5})?$|^https?:\/\/\[[0-9a-f:]+\](?::\d{1,5})?$/;

export class WidgetOriginsDto {
  @ApiProperty({
    type: [String],
    example: ['https://mintrans.example.ru'],
    description: "Origins (scheme://host[:port], lower case) of the body's sites allowed to embed the citizen widget; the public catalog, CAPTCHA and filing routes answer CORS only to them",
  })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  @Matches(ORIGIN_PATTERN, { each: true, message: 'each origin must be scheme://host[:port] in lower case, http or https, without a path' })
  origins: string[];
}

export class WidgetSignInQuery {
  @ApiProperty({ example: 'https://mintrans.example.ru', description: 'The origin of the page the widget is on (location.origin): it receives the token' })
  @IsString()
  @MaxLength(200)
  @Matches(ORIGIN_PATTERN, { message: 'origin must be scheme://host[:port] in lower case, http or https, without a path' })
  origin: string;
}
