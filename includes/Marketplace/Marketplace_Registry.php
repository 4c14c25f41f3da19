<?php
/**
 * The one source of truth for every marketplace the Creators API and PA-API 5.0 serve.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Marketplace;

/**
 * Static registry of the 22 marketplaces and the Creators API credential versions.
 *
 * Sources: docs/amazon-protocol.md §C1 and §C7 (hosts, region groups, versions, locales; official docs),
 * docs/amazon-protocol.md §P2 (PA-API hosts and SigV4 regions). Exported for TypeScript by
 * tools/export-marketplaces.php into src/shared/marketplaces.json.
 */
final class Marketplace_Registry {

	/**
	 * Creators API versions: credential type, region group, token endpoint and OAuth scope.
	 *
	 * @var array<string, array{type: string, region: string, token_endpoint: string, scope: string}>
	 */
	private const VERSIONS = array(
		'2.1' => array(
			'type'           => 'cognito',
			'region'         => 'NA',
			'token_endpoint' => 'https://creatorsapi.auth.us-east-1.amazoncognito.com/oauth2/token',
			'scope'          => 'creatorsapi/default',
		),
		'2.2' => array(
			'type'           => 'cognito',
			'region'         => 'EU',
			'token_endpoint' => 'https://creatorsapi.auth.eu-south-2.amazoncognito.com/oauth2/token',
			'scope'          => 'creatorsapi/default',
		),
		'2.3' => array(
			'type'           => 'cognito',
			'region'         => 'FE',
			'token_endpoint' => 'https://creatorsapi.auth.us-west-2.amazoncognito.com/oauth2/token',
			'scope'          => 'creatorsapi/default',
		),
		'3.1' => array(
			'type'           => 'lwa',
			'region'         => 'NA',
			'token_endpoint' => 'https://api.amazon.com/auth/o2/token',
			'scope'          => 'creatorsapi::default',
		),
		'3.2' => array(
			'type'           => 'lwa',
			'region'         => 'EU',
			'token_endpoint' => 'https://api.amazon.co.uk/auth/o2/token',
			'scope'          => 'creatorsapi::default',
		),
		'3.3' => array(
			'type'           => 'lwa',
			'region'         => 'FE',
			'token_endpoint' => 'https://api.amazon.co.jp/auth/o2/token',
			'scope'          => 'creatorsapi::default',
		),
	);

	/**
	 * The Creators API host (one host serves every marketplace).
	 */
	public const CREATORS_API_HOST = 'creatorsapi.amazon';

	/**
	 * PA-API 5.0 SigV4 region per region group. Egypt signs with eu-west-1 like every other EU
	 * marketplace; one library says us-west-1 (docs/amazon-protocol.md §P2), the majority and the docs' grouping say eu-west-1.
	 *
	 * @var array<string, string>
	 */
	private const PAAPI_REGIONS = array(
		'NA' => 'us-east-1',
		'EU' => 'eu-west-1',
		'FE' => 'us-west-2',
	);

	/**
	 * The suffix Amazon gives partner tags (tracking IDs) per region group: `-20` in the Americas,
	 * `-21` in Europe, India and the Middle East, `-22` in Japan, Australia and Singapore. Only the
	 * usual one: the settings warn about another suffix, they do not refuse it.
	 *
	 * @var array<string, string>
	 */
	private const TAG_SUFFIXES = array(
		'NA' => '-20',
		'EU' => '-21',
		'FE' => '-22',
	);

	/**
	 * Rows: country => [ name, tld, region group, currency, default language, languages, Associates host ].
	 *
	 * @var array<string, array{0: string, 1: string, 2: string, 3: string, 4: string, 5: list<string>, 6: string}>
	 */
	private const ROWS = array(
		'us' => array( 'United States', 'com', 'NA', 'USD', 'en_US', array( 'de_DE', 'en_US', 'es_US', 'ko_KR', 'pt_BR', 'zh_CN', 'zh_TW' ), 'affiliate-program.amazon.com' ),
		'ca' => array( 'Canada', 'ca', 'NA', 'CAD', 'en_CA', array( 'en_CA', 'fr_CA' ), 'associates.amazon.ca' ),
		'mx' => array( 'Mexico', 'com.mx', 'NA', 'MXN', 'es_MX', array( 'es_MX' ), 'afiliados.amazon.com.mx' ),
		'br' => array( 'Brazil', 'com.br', 'NA', 'BRL', 'pt_BR', array( 'pt_BR' ), 'associados.amazon.com.br' ),
		'uk' => array( 'United Kingdom', 'co.uk', 'EU', 'GBP', 'en_GB', array( 'en_GB' ), 'affiliate-program.amazon.co.uk' ),
		'de' => array( 'Germany', 'de', 'EU', 'EUR', 'de_DE', array( 'cs_CZ', 'de_DE', 'en_GB', 'nl_NL', 'pl_PL', 'tr_TR' ), 'partnernet.amazon.de' ),
		'fr' => array( 'France', 'fr', 'EU', 'EUR', 'fr_FR', array( 'fr_FR' ), 'partenaires.amazon.fr' ),
		'it' => array( 'Italy', 'it', 'EU', 'EUR', 'it_IT', array( 'it_IT' ), 'programma-affiliazione.amazon.it' ),
		'es' => array( 'Spain', 'es', 'EU', 'EUR', 'es_ES', array( 'es_ES' ), 'afiliados.amazon.es' ),
		'nl' => array( 'Netherlands', 'nl', 'EU', 'EUR', 'nl_NL', array( 'nl_NL' ), 'partnernet.amazon.nl' ),
		'be' => array( 'Belgium', 'com.be', 'EU', 'EUR', 'fr_BE', array( 'fr_BE', 'nl_BE', 'en_GB' ), 'affiliate-program.amazon.com.be' ),
		'se' => array( 'Sweden', 'se', 'EU', 'SEK', 'sv_SE', array( 'sv_SE' ), 'affiliate-program.amazon.se' ),
		'pl' => array( 'Poland', 'pl', 'EU', 'PLN', 'pl_PL', array( 'pl_PL' ), 'affiliate-program.amazon.pl' ),
		'tr' => array( 'Turkey', 'com.tr', 'EU', 'TRY', 'tr_TR', array( 'tr_TR' ), 'gelirortakligi.amazon.com.tr' ),
		'ae' => array( 'United Arab Emirates', 'ae', 'EU', 'AED', 'en_AE', array( 'en_AE', 'ar_AE' ), 'affiliate-program.amazon.ae' ),
		'sa' => array( 'Saudi Arabia', 'sa', 'EU', 'SAR', 'en_AE', array( 'en_AE', 'ar_AE' ), 'affiliate-program.amazon.sa' ),
		'eg' => array( 'Egypt', 'eg', 'EU', 'EGP', 'en_AE', array( 'en_AE', 'ar_AE' ), 'affiliate-program.amazon.eg' ),
		'in' => array( 'India', 'in', 'EU', 'INR', 'en_IN', array( 'en_IN', 'hi_IN', 'kn_IN', 'ml_IN', 'ta_IN', 'te_IN' ), 'affiliate-program.amazon.in' ),
		'ie' => array( 'Ireland', 'ie', 'EU', 'EUR', 'en_IE', array( 'en_IE' ), 'affiliate-program.amazon.ie' ),
		'jp' => array( 'Japan', 'co.jp', 'FE', 'JPY', 'ja_JP', array( 'en_US', 'ja_JP', 'zh_CN' ), 'affiliate.amazon.co.jp' ),
		'sg' => array( 'Singapore', 'sg', 'FE', 'SGD', 'en_SG', array( 'en_SG' ), 'affiliate-program.amazon.sg' ),
		'au' => array( 'Australia', 'com.au', 'FE', 'AUD', 'en_AU', array( 'en_AU' ), 'affiliate-program.amazon.com.au' ),
	);

	// phpcs:disable WordPress.Arrays.ArrayDeclarationSpacing.ArrayItemNoNewLine -- An alphabetical word list, read as one.
	/**
	 * Every SearchIndex value Amazon documents (docs/amazon-protocol.md §C7.1): the US and German
	 * lists plus the ids only some locales use. One list for all marketplaces: the per-locale lists
	 * are documented for two stores only, so a value from another store's list is sent and
	 * Amazon's own 400 is remembered by the search cache. Shortcodes, blocks, REST and WP-CLI
	 * refuse anything else before a request is made.
	 *
	 * @var list<string>
	 */
	public const SEARCH_INDICES = array(
		'All', 'AmazonVideo', 'Apparel', 'Appliances', 'ArtsAndCrafts', 'Automotive', 'Baby', 'Beauty', 'Books',
		'Classical', 'Collectibles', 'Computers', 'CreditCards', 'DigitalEducationalResources', 'DigitalMusic',
		'Electronics', 'EverythingElse', 'Fashion', 'FashionBaby', 'FashionBoys', 'FashionGirls', 'FashionMen',
		'FashionWomen', 'ForeignBooks', 'Garden', 'GardenAndOutdoor', 'GiftCards', 'Grocery', 'GroceryAndGourmetFood',
		'Handmade', 'HealthPersonalCare', 'Hobbies', 'Home', 'HomeAndKitchen', 'HomeImprovement', 'Industrial',
		'IndustrialAndScientific', 'Jewelry', 'KindleStore', 'Lighting', 'LocalServices', 'Luggage', 'LuxuryBeauty',
		'Magazines', 'Miscellaneous', 'MobileAndAccessories', 'MobileApps', 'MoviesAndTV', 'Music', 'MusicalInstruments',
		'OfficeProducts', 'PetSupplies', 'Photo', 'Shoes', 'Software', 'SportsAndOutdoors', 'ToolsAndHomeImprovement',
		'Toys', 'ToysAndGames', 'VHS', 'Vehicles', 'VideoGames', 'Watches',
	);
	// phpcs:enable

	/**
	 * Marketplaces where sources disagree on the credential version: alternatives and a note.
	 * India: the Creators docs (and ASA1) put it under 2.2/3.2 (EU); WorkmanLinks' docs put it
	 * under 2.3/3.3 (FE) (docs/amazon-protocol.md §C1). The docs win by default; settings may
	 * override the version.
	 *
	 * @var array<string, array{versions: list<string>, note: string}>
	 */
	private const VERSION_NOTES = array(
		'in' => array(
			'versions' => array( '2.3', '3.3' ),
			'note'     => 'Amazon\'s Creators API docs list India under the EU versions (2.2/3.2); another integrator documents 2.3/3.3 (Far East). Use the version Associates Central shows for your credential.',
		),
	);

	/**
	 * Built marketplaces, keyed by country code.
	 *
	 * @var array<string, Marketplace>|null
	 */
	private static ?array $all = null;

	/**
	 * Every marketplace, keyed by lower-case country code, in the table's order.
	 *
	 * @return array<string, Marketplace>
	 */
	public static function all(): array {
		if ( null === self::$all ) {
			$all = array();
			foreach ( self::ROWS as $country => $row ) {
				$note            = self::VERSION_NOTES[ $country ] ?? null;
				$all[ $country ] = new Marketplace(
					$country,
					$row[0],
					'www.amazon.' . $row[1],
					$row[2],
					self::version_of( 'cognito', $row[2] ),
					self::version_of( 'lwa', $row[2] ),
					'webservices.amazon.' . $row[1],
					self::PAAPI_REGIONS[ $row[2] ],
					$row[3],
					$row[4],
					$row[5],
					$row[6],
					null === $note ? array() : $note['versions'],
					null === $note ? null : $note['note']
				);
			}
			self::$all = $all;
		}
		return self::$all;
	}

	/**
	 * The usual partner-tag suffix of a region group (`-20`, `-21`, `-22`), '' when unknown.
	 *
	 * @param string $region `NA`, `EU` or `FE`.
	 */
	public static function tag_suffix( string $region ): string {
		return self::TAG_SUFFIXES[ $region ] ?? '';
	}

	/**
	 * One marketplace by country code (case-insensitive; `gb` is accepted as `uk`).
	 *
	 * @param string $country Country code.
	 */
	public static function get( string $country ): ?Marketplace {
		$code = self::normalize_country( $country );
		return self::all()[ $code ] ?? null;
	}

	/**
	 * Lower-cases a country code and maps `gb` to `uk`.
	 *
	 * @param string $country Country code.
	 */
	public static function normalize_country( string $country ): string {
		$code = strtolower( trim( $country ) );
		return 'gb' === $code ? 'uk' : $code;
	}

	/**
	 * One marketplace by store host (`www.amazon.de`, `amazon.de`, a URL) or PA-API host.
	 *
	 * @param string $host Host or URL.
	 */
	public static function by_host( string $host ): ?Marketplace {
		$host = strtolower( trim( $host ) );
		$host = (string) preg_replace( '#^https?://#', '', $host );
		$host = (string) preg_replace( '#[/:?].*$#', '', $host );
		if ( str_starts_with( $host, 'amazon.' ) ) {
			$host = 'www.' . $host;
		}
		foreach ( self::all() as $marketplace ) {
			if ( $marketplace->host === $host || $marketplace->paapi_host === $host ) {
				return $marketplace;
			}
		}
		return null;
	}

	/**
	 * Every country code, in the table's order.
	 *
	 * @return list<string>
	 */
	public static function countries(): array {
		return array_keys( self::all() );
	}

	/**
	 * The Creators API versions with their credential type, region, token endpoint and scope.
	 *
	 * @return array<string, array{type: string, region: string, token_endpoint: string, scope: string}>
	 */
	public static function versions(): array {
		return self::VERSIONS;
	}

	/**
	 * Whether a Creators API version exists.
	 *
	 * @param string $version Version such as `3.2`.
	 */
	public static function is_version( string $version ): bool {
		return isset( self::VERSIONS[ $version ] );
	}

	/**
	 * The credential type of a version: `cognito` (2.x), `lwa` (3.x) or null when unknown.
	 *
	 * @param string $version Version such as `3.2`.
	 */
	public static function version_type( string $version ): ?string {
		return self::VERSIONS[ $version ]['type'] ?? null;
	}

	/**
	 * The region group of a version (`NA`, `EU`, `FE`) or null when unknown.
	 *
	 * @param string $version Version such as `3.2`.
	 */
	public static function version_region( string $version ): ?string {
		return self::VERSIONS[ $version ]['region'] ?? null;
	}

	/**
	 * The OAuth token endpoint of a version, or null when unknown.
	 *
	 * @param string $version Version such as `2.2`.
	 */
	public static function token_endpoint( string $version ): ?string {
		return self::VERSIONS[ $version ]['token_endpoint'] ?? null;
	}

	/**
	 * The OAuth scope of a version (`creatorsapi/default` for Cognito, `creatorsapi::default` for LWA).
	 *
	 * @param string $version Version such as `2.2`.
	 */
	public static function token_scope( string $version ): ?string {
		return self::VERSIONS[ $version ]['scope'] ?? null;
	}

	/**
	 * Everything the TypeScript side needs, as plain arrays (see tools/export-marketplaces.php).
	 *
	 * @return array{creators_api_host: string, versions: array<string, array<string, string>>, marketplaces: array<string, array<string, mixed>>, aliases: array<string, string>}
	 */
	public static function export(): array {
		$marketplaces = array();
		foreach ( self::all() as $country => $marketplace ) {
			$marketplaces[ $country ] = $marketplace->to_array();
		}
		return array(
			'creators_api_host' => self::CREATORS_API_HOST,
			'versions'          => self::VERSIONS,
			'marketplaces'      => $marketplaces,
			'aliases'           => array( 'gb' => 'uk' ),
		);
	}

	/**
	 * The version of a credential type in a region group.
	 *
	 * @param string $type   `cognito` or `lwa`.
	 * @param string $region `NA`, `EU` or `FE`.
	 */
	private static function version_of( string $type, string $region ): string {
		foreach ( self::VERSIONS as $version => $info ) {
			if ( $info['type'] === $type && $info['region'] === $region ) {
				return (string) $version;
			}
		}
		return '';
	}
}
