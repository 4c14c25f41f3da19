/** Access tokens the emulator has issued, with what each one is bound to. */
import { createHmac } from 'node:crypto';
import type { CreatorsCredential } from './credentials';

export interface IssuedToken {
	readonly token: string;
	readonly credential: CreatorsCredential;
	expiresAtMs: number;
}

/** Not a secret: tokens only need to look like Amazon's and be unique. */
const TOKEN_KEY = 'creators-connect-for-amazon-emulator';

function base64url( data: string | Buffer ): string {
	return Buffer.from( data ).toString( 'base64url' );
}

export class TokenStore {
	private tokens = new Map< string, IssuedToken >();
	private serial = 0;

	issue(
		credential: CreatorsCredential,
		expiresInSeconds: number,
		nowMs: number
	): IssuedToken {
		this.serial++;
		const token =
			credential.kind === 'cognito'
				? this.cognitoJwt( credential, expiresInSeconds, nowMs )
				: this.lwaToken( credential );
		const issued: IssuedToken = {
			token,
			credential,
			expiresAtMs: nowMs + expiresInSeconds * 1000,
		};
		this.tokens.set( token, issued );
		return issued;
	}

	get( token: string ): IssuedToken | undefined {
		return this.tokens.get( token );
	}

	/**
	 * "Token expired now": the next call with it gets 401 TokenExpired.
	 * @param token
	 * @param nowMs
	 */
	expire( token: string, nowMs: number ): void {
		const issued = this.tokens.get( token );
		if ( issued ) {
			issued.expiresAtMs = Math.min( issued.expiresAtMs, nowMs - 1 );
		}
	}

	clear(): void {
		this.tokens.clear();
	}

	/**
	 * Cognito access tokens are JWTs, so they start with `eyJ` (docs/amazon-protocol.md §C1).
	 * @param credential
	 * @param expiresIn
	 * @param nowMs
	 */
	private cognitoJwt(
		credential: CreatorsCredential,
		expiresIn: number,
		nowMs: number
	): string {
		const awsRegion = {
			NA: 'us-east-1',
			EU: 'eu-south-2',
			FE: 'us-west-2',
		}[ credential.region ];
		const header = base64url(
			JSON.stringify( { kid: 'acapi-emulator', alg: 'RS256' } )
		);
		const iat = Math.floor( nowMs / 1000 );
		const payload = base64url(
			JSON.stringify( {
				sub: credential.id,
				token_use: 'access',
				scope: 'creatorsapi/default',
				iss: `https://cognito-idp.${ awsRegion }.amazonaws.com/${ awsRegion }_EMULATOR`,
				client_id: credential.id,
				version: credential.version,
				iat,
				exp: iat + expiresIn,
				jti: `emu-${ this.serial }`,
			} )
		);
		const signature = createHmac( 'sha256', TOKEN_KEY )
			.update( `${ header }.${ payload }` )
			.digest( 'base64url' );
		return `${ header }.${ payload }.${ signature }`;
	}

	/**
	 * LWA access tokens start with `Atc|` (docs/amazon-protocol.md §C1).
	 * @param credential
	 */
	private lwaToken( credential: CreatorsCredential ): string {
		const body = createHmac( 'sha256', TOKEN_KEY )
			.update( `${ credential.id }#${ this.serial }` )
			.digest();
		return `Atc|MQEB${ base64url( Buffer.concat( [ Buffer.from( `emu${ this.serial }|` ), body ] ) ) }`;
	}
}
