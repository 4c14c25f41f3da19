/**
 * The marketplace form's checks mirror the server's (Credential_Rules).
 */
import {
	maskTag,
	suggestType,
	tagSuffixWarning,
	validateMarketplace,
} from '../../../src/settings/validation';
import type { MarketplaceInput } from '../../../src/settings/types';

const valid: MarketplaceInput = {
	country: 'de',
	enabled: true,
	credential_type: 'cognito',
	credential_id: 'acapiemucognitoeu00000000002',
	credential_secret:
		'acapiemucognitoeusecret00000000000000000000000000000002',
	partner_tag: 'acapidemode-21',
	api_version: '',
	is_default: false,
};

describe( 'suggestType', () => {
	it.each( [
		[
			'amzn1.application-oa2-client.acab1e00000000000000000000000031',
			'lwa',
		],
		[ 'acapiemucognitoeu00000000002', 'cognito' ],
		[ '  acapiemucognitoeu00000000002 ', 'cognito' ],
		[ 'amzn1.application-oa2-client.short', null ],
		[ 'not an id', null ],
		[ '', null ],
	] )( '%s → %s', ( id, type ) => {
		expect( suggestType( id ) ).toBe( type );
	} );
} );

describe( 'validateMarketplace', () => {
	it( 'accepts valid input', () => {
		expect( validateMarketplace( valid, true ) ).toEqual( {} );
	} );

	it.each( [
		[ { country: 'xx' }, 'country' ],
		[ { credential_id: '' }, 'credential_id' ],
		[ { credential_id: 'no spaces allowed here' }, 'credential_id' ],
		[
			{ credential_id: 'amzn1.application-oa2-client.abc' },
			'credential_id',
		],
		[ { credential_secret: '' }, 'credential_secret' ],
		[ { credential_secret: 'has a space' }, 'credential_secret' ],
		[ { partner_tag: '' }, 'partner_tag' ],
		[ { partner_tag: '   ' }, 'partner_tag' ],
		[ { partner_tag: 'my tag-21' }, 'partner_tag' ],
	] )( 'names the field of %o', ( change, field ) => {
		const errors = validateMarketplace( { ...valid, ...change }, true );
		expect( Object.keys( errors ) ).toEqual( [ field ] );
		expect( errors[ field ] ).toEqual( expect.any( String ) );
	} );

	it( 'asks a links-only marketplace for its partner tag only', () => {
		const linksOnly = {
			...valid,
			credential_type: 'links_only' as const,
			credential_id: '',
			credential_secret: '',
		};
		expect( validateMarketplace( linksOnly, true ) ).toEqual( {} );
		expect(
			Object.keys(
				validateMarketplace( { ...linksOnly, partner_tag: '' }, true )
			)
		).toEqual( [ 'partner_tag' ] );
	} );

	it( 'lets a blank secret keep the stored one when editing', () => {
		expect(
			validateMarketplace( { ...valid, credential_secret: '' }, false )
		).toEqual( {} );
	} );

	it( 'explains an incomplete LWA id', () => {
		expect(
			validateMarketplace(
				{ ...valid, credential_id: 'amzn1.application-oa2-client.abc' },
				true
			).credential_id
		).toMatch( /Login with Amazon/ );
	} );
} );

describe( 'partner tags', () => {
	it( 'warns when the suffix does not fit the marketplace, never for a fitting one', () => {
		expect( tagSuffixWarning( 'uk', 'mysite-20' ) ).toMatch(
			/United Kingdom usually end in -21/
		);
		expect( tagSuffixWarning( 'uk', 'mysite-21' ) ).toBeNull();
		expect( tagSuffixWarning( 'us', 'mysite-20' ) ).toBeNull();
		expect( tagSuffixWarning( 'jp', 'mysite-21' ) ).toMatch( /-22/ );
		expect( tagSuffixWarning( 'in', 'mysite-21' ) ).toBeNull();
		expect( tagSuffixWarning( 'us', '' ) ).toBeNull();
	} );

	it( 'masks the middle of a tag', () => {
		expect( maskTag( 'acapidemous-20' ) ).toBe( 'acap•••us-20' );
		expect( maskTag( 'abc-20' ) ).toBe( 'ab•••-20' );
		expect( maskTag( 'x-20' ) ).toBe( '•••' );
	} );
} );
