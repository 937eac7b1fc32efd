import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CategoryDto } from '../catalog/catalog.dto';

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

  @ApiProperty({ required: false, example: 'administration', description: 'The body the widget is embedded for (its code or id): `origin` must then be allowed for that body' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  body?: string;
}

/** What the widget mounted for a body loads first. */
export class WidgetBodyDto {
  @ApiProperty({ example: 'administration' }) code: string;
  @ApiProperty() nameRu: string;
  @ApiProperty() nameEn: string;
  @ApiProperty({ type: () => [CategoryDto], description: "The body's categories: those whose appeals are routed into its department tree" })
  categories: CategoryDto[];
  @ApiProperty({
    example: 'https://otklik.example.gov.ru/cabinet/appeals/{number}',
    description: "The link to a citizen's appeal in their cabinet (as the notices give it), `{number}` standing for the appeal's number: the widget shows it after an identified filing",
  })
  citizenAppealUrl: string;
}
